import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertMayChange, auditTarget, recordAudit, type ServiceActor } from '@ledarspegel/auth';
import { DomainError, transaction } from '@ledarspegel/core';
import { CampaignSubjectRepository } from '../../campaign-subject.repository';
import type { AddRaterDto, RatersPreviewDto } from '../../campaign.dto';
import { CampaignRepository } from '../../campaign.repository';
import { draftCampaign } from '../../helpers/campaign-lookup';
import { CampaignRaters } from '../../helpers/campaign-raters';
import { ratersPreview } from '../../helpers/raters-preview';
import { PeopleRepository } from '@ledarspegel/people';

/** A peer or other rater HR adds by hand, while the campaign is a draft. */
@Injectable()
export class AddRater {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: CampaignRepository,
    private readonly subjects: CampaignSubjectRepository,
    private readonly people: PeopleRepository,
    private readonly raters: CampaignRaters,
  ) {}

  async execute(actor: ServiceActor, id: string, dto: AddRaterDto): Promise<RatersPreviewDto> {
    assertMayChange(actor);
    return transaction(this.dataSource, async (tx) => {
      const campaign = await draftCampaign(this.campaigns, tx, id);
      if (!campaign.raterGroups.includes(dto.relationship)) {
        throw new DomainError('invalid', `This campaign does not ask ${dto.relationship} raters.`, [
          {
            field: 'relationship',
            message: `not among the campaign's rater groups (${campaign.raterGroups.join(', ')})`,
          },
        ]);
      }
      const [subject, rater] = await Promise.all([
        this.people.byEmployeeId(dto.subjectEmployeeId, tx),
        this.people.byEmployeeId(dto.raterEmployeeId, tx),
      ]);
      const details = [];
      if (!subject || !(await this.subjects.has(tx, id, subject.id))) {
        details.push({
          field: 'subjectEmployeeId',
          message: `'${dto.subjectEmployeeId}' is not a subject of this campaign`,
        });
      }
      if (!rater?.active) {
        details.push({
          field: 'raterEmployeeId',
          message: `no active person has the employee id '${dto.raterEmployeeId}'`,
        });
      }
      if (subject && rater && subject.id === rater.id) {
        details.push({
          field: 'raterEmployeeId',
          message: 'a subject rates themselves only in the self-assessment',
        });
      }
      if (details.length > 0 || !subject || !rater) {
        throw new DomainError('invalid', 'The rater cannot be added.', details);
      }
      const { raters } = await this.raters.derived(campaign, tx);
      const existing = raters.find((r) => r.subjectId === subject.id && r.raterId === rater.id);
      if (existing && existing.relationship !== 'peer' && existing.relationship !== 'other') {
        throw new DomainError(
          'conflict',
          `${rater.name} already rates ${subject.name} as ${existing.relationship}.`,
        );
      }
      await this.subjects.addManualRater(tx, id, {
        subjectId: subject.id,
        raterId: rater.id,
        relationship: dto.relationship,
      });
      await recordAudit(tx, actor, 'campaign.raters_changed', auditTarget.campaign(id));
      return ratersPreview(campaign, await this.raters.derived(campaign, tx));
    });
  }
}
