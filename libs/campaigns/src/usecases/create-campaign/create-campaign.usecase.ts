import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { assertMayChange, auditTarget, recordAudit, type ServiceActor } from '@ledarspegel/auth';
import { Clock, CLOCK, DomainError, transaction } from '@ledarspegel/core';
import type { Person } from '@ledarspegel/people';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { CampaignSubjectRepository } from '../../campaign-subject.repository';
import { CampaignResponseDto, CreateCampaignDto, toCampaignResponse } from '../../campaign.dto';
import { CampaignRepository } from '../../campaign.repository';
import { PeopleRepository } from '@ledarspegel/people';
import { DEFAULT_ANONYMITY_THRESHOLD, RELATIONSHIPS, Relationship } from '../../relationship';

const DEFAULT_GROUPS: Relationship[] = ['self', 'manager', 'direct_report', 'peer'];
/** A subject who nominates may choose peers and others. */
const NOMINATION_GROUPS: Relationship[] = [...DEFAULT_GROUPS, 'other'];

/** A draft campaign on a questionnaire version, with the managers it assesses. */
@Injectable()
export class CreateCampaign {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly campaigns: CampaignRepository,
    private readonly subjects: CampaignSubjectRepository,
    private readonly people: PeopleRepository,
  ) {}

  /**
   * `within`: more to store with the campaign, in the same transaction (a pulse's item set), so
   * that the campaign never exists without it.
   */
  async execute(
    actor: ServiceActor,
    dto: CreateCampaignDto,
    within?: (tx: EntityManager, campaignId: string) => Promise<void>,
  ): Promise<CampaignResponseDto> {
    assertMayChange(actor);
    const questionnaire = await this.questionnaireFor(dto.questionnaireKey);
    const closesAt = dto.closesAt ? new Date(dto.closesAt) : null;
    if (closesAt && closesAt.getTime() <= this.clock.now().getTime()) {
      throw new DomainError('invalid', 'closesAt must be in the future.', [
        { field: 'closesAt', message: 'must be in the future' },
      ]);
    }
    const nomination = dto.nomination?.bySubject ? dto.nomination : null;
    if (nomination && nomination.max < nomination.min) {
      throw new DomainError('invalid', 'The nomination maximum is below its minimum.', [
        { field: 'nomination.max', message: `must be at least min (${nomination.min})` },
      ]);
    }
    const raterGroups = dto.raterGroups ?? (nomination ? NOMINATION_GROUPS : DEFAULT_GROUPS);
    if (nomination && !raterGroups.some((group) => group === 'peer' || group === 'other')) {
      throw new DomainError('invalid', 'Subjects nominate peers and others: ask at least one.', [
        { field: 'raterGroups', message: 'with nomination, include peer or other' },
      ]);
    }
    return transaction(this.dataSource, async (tx) => {
      const subjects = await this.resolveSubjects(tx, dto);
      const campaign = await this.campaigns.create(tx, {
        name: dto.name.trim(),
        questionnaireKey: questionnaire.key,
        questionnaireVersion: questionnaire.version,
        status: 'draft',
        anonymityThreshold: dto.anonymityThreshold ?? DEFAULT_ANONYMITY_THRESHOLD,
        showManagerSeparately: dto.showManagerSeparately ?? false,
        raterGroups: RELATIONSHIPS.filter((group) => raterGroups.includes(group)),
        closesAt,
        reminderDays: [...(dto.reminderDays ?? [])].sort((a, b) => a - b).map(String),
        remindersSent: [],
        launchedAt: null,
        closedAt: null,
        sealedAt: null,
        disposedAt: null,
        nominationMin: nomination?.min ?? null,
        nominationMax: nomination?.max ?? null,
        nominationApprover: nomination?.approver ?? null,
      });
      await this.subjects.add(
        tx,
        campaign.id,
        subjects.map((person) => person.id),
      );
      await within?.(tx, campaign.id);
      await recordAudit(tx, actor, 'campaign.created', auditTarget.campaign(campaign.id));
      return toCampaignResponse(
        campaign,
        subjects.map((person) => ({ employeeId: person.employeeId, name: person.name })),
      );
    });
  }

  private async questionnaireFor(key: string) {
    try {
      return await this.questionnaires.find(key);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') {
        throw new DomainError('invalid', error.message, [
          { field: 'questionnaireKey', message: `unknown questionnaire '${key}'` },
        ]);
      }
      throw error;
    }
  }

  private async resolveSubjects(tx: EntityManager, dto: CreateCampaignDto): Promise<Person[]> {
    const selection = dto.subjects;
    if (!selection.employeeIds?.length && !selection.unit && !selection.allManagers) {
      throw new DomainError('invalid', 'Choose the managers to assess.', [
        { field: 'subjects', message: 'give employeeIds, a unit or allManagers: true' },
      ]);
    }
    const chosen = new Map<string, Person>();
    if (selection.employeeIds?.length) {
      const wanted = [...new Set(selection.employeeIds)];
      const found = await this.people.activeByEmployeeIds(wanted, tx);
      const known = new Set(found.map((p) => p.employeeId));
      const unknown = wanted.filter((employeeId) => !known.has(employeeId));
      if (unknown.length > 0) {
        throw new DomainError(
          'invalid',
          `No active person has the employee id ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', ...' : ''}.`,
          unknown.map((employeeId) => ({
            field: 'subjects.employeeIds',
            message: `unknown or inactive: ${employeeId}`,
          })),
        );
      }
      found.forEach((person) => chosen.set(person.id, person));
    }
    if (selection.unit || selection.allManagers) {
      const unit = selection.allManagers ? undefined : selection.unit;
      const managers = await this.people.activeManagers(unit, tx);
      if (unit && managers.length === 0) {
        throw new DomainError('invalid', `No one in the unit '${unit}' manages anyone.`, [
          { field: 'subjects.unit', message: 'no managers in this unit' },
        ]);
      }
      managers.forEach((person) => chosen.set(person.id, person));
    }
    if (chosen.size === 0) {
      throw new DomainError('invalid', 'There is no manager to assess.', [
        { field: 'subjects', message: 'no managers found' },
      ]);
    }
    return [...chosen.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  }
}
