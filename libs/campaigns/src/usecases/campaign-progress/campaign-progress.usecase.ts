import { Injectable } from '@nestjs/common';
import { assertMayRead, type ServiceActor } from '@ledarspegel/auth';
import { OutboxRepository } from '@ledarspegel/mail';
import { AssignmentRepository } from '../../assignment.repository';
import type { ProgressDto } from '../../campaign.dto';
import { CampaignRepository } from '../../campaign.repository';
import { existingCampaign } from '../../helpers/campaign-lookup';
import { CampaignSubjects } from '../../helpers/campaign-subjects';
import { TallyRepository } from '../../tally.repository';

/** Response rates per subject and per day, and how the mail went: counts, never who. */
@Injectable()
export class CampaignProgress {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly subjects: CampaignSubjects,
    private readonly assignments: AssignmentRepository,
    private readonly tallies: TallyRepository,
    private readonly outbox: OutboxRepository,
  ) {}

  async execute(actor: ServiceActor, id: string): Promise<ProgressDto> {
    assertMayRead(actor);
    const campaign = await existingCampaign(this.campaigns, id);
    const rows =
      campaign.status === 'closed'
        ? await this.tallies.tallies(id)
        : await this.assignments.countsBySubject(id);
    const bySubjectId = new Map(rows.map((row) => [row.subjectId, row]));
    const bySubject = (await this.subjects.of(id))
      .map(({ id: subjectId, person }) => {
        const row = bySubjectId.get(subjectId);
        return {
          employeeId: person?.employeeId ?? '',
          name: person?.name ?? '',
          invited: row?.invited ?? 0,
          responded: row?.responded ?? 0,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    const mail = await this.outbox.countsByCampaign(id);
    const failures = await this.outbox.findFailedByCampaign(id);
    return {
      invited: bySubject.reduce((sum, s) => sum + s.invited, 0),
      responded: bySubject.reduce((sum, s) => sum + s.responded, 0),
      raters: await this.assignments.raterCount(id),
      bySubject,
      byDay: await this.tallies.byDay(id),
      mail: { ...mail, failures: failures.map((m) => ({ to: m.toAddress, error: m.lastError })) },
      remindersSent: campaign.remindersSent.map(Number),
    };
  }
}
