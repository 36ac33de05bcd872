import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertMayChange, auditTarget, recordAudit, type ServiceActor } from '@ledarspegel/auth';
import { Clock, CLOCK, DomainError, transaction } from '@ledarspegel/core';
import { AssignmentRepository } from '../../assignment.repository';
import { CAMPAIGN_REPORTS, type CampaignReports } from '../../campaign-reports.port';
import { CampaignRepository } from '../../campaign.repository';
import { existingCampaign } from '../../helpers/campaign-lookup';
import { CampaignSubjects } from '../../helpers/campaign-subjects';
import { StorageSealer } from '../../storage-sealer';
import { TallyRepository } from '../../tally.repository';

/**
 * Closes an open campaign; its links then answer 410, its reports are built and it is sealed
 * (DESIGN.md, rule 7): in the closing transaction the reports are built and the answers sealed
 * to what they show, then the assignments hand their counts to the tallies and forget who
 * answered; after the commit the storage is sealed (vacuum, WAL).
 */
@Injectable()
export class CloseCampaign {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CAMPAIGN_REPORTS) private readonly reports: CampaignReports,
    private readonly campaigns: CampaignRepository,
    private readonly subjects: CampaignSubjects,
    private readonly assignments: AssignmentRepository,
    private readonly tallies: TallyRepository,
    private readonly storage: StorageSealer,
  ) {}

  async execute(actor: ServiceActor, id: string): Promise<{ reports: number }> {
    assertMayChange(actor);
    const campaign = await existingCampaign(this.campaigns, id);
    if (campaign.status !== 'open') {
      throw new DomainError(
        'conflict',
        `Only an open campaign can be closed; this one is ${campaign.status}.`,
      );
    }
    const closed = await transaction(this.dataSource, async (tx) => {
      const closedAt = this.clock.now();
      if (!(await this.campaigns.closeIfOpen(tx, id, closedAt))) {
        throw new DomainError('conflict', 'The campaign was closed meanwhile.');
      }
      const counts = await this.assignments.countsByGroup(tx, id);
      const subjects = await this.subjects.of(id, tx);
      const reports = await this.reports.buildAtClose(tx, {
        campaign: { ...campaign, status: 'closed', closedAt },
        subjects: subjects.map(({ id: subjectId, person }) => ({
          id: subjectId,
          employeeId: person?.employeeId ?? '',
          name: person?.name ?? '',
          email: person?.email ?? '',
        })),
        counts,
        earlierCampaignIds: await this.campaigns.earlierClosed(campaign, tx),
      });
      // From here on only the tallies know how many answered; no assignment knows who did.
      await this.tallies.write(tx, id, counts);
      await this.assignments.forgetAnswered(tx, id);
      // HR's close, or the system's on the campaign's date
      await recordAudit(tx, actor, 'campaign.closed', auditTarget.campaign(id));
      return { reports };
    });
    await this.storage.seal([id]);
    return closed;
  }
}
