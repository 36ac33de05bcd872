import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import {
  assertMayChange,
  auditTarget,
  recordAudit,
  renameAuditEmployee,
  SYSTEM_ACTOR,
  type ServiceActor,
} from '@ledarspegel/auth';
import { CampaignRepository, NominationRepository } from '@ledarspegel/campaigns';
import { Clock, CLOCK, DomainError, transaction } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import { PeopleRepository, type Person } from '@ledarspegel/people';
import { DevelopmentPlanRepository, ReportRepository } from '@ledarspegel/reports';
import type { AnonymisedDto } from './extract/register-extract.dto';

/** What replaces a person's name, e-mail and employee id: unique, and obviously not a person. */
export function placeholderFor(personId: string): {
  employeeId: string;
  name: string;
  email: string;
} {
  return {
    employeeId: `anonymised-${personId}`,
    name: 'Anonymiserad person',
    email: `${personId}@anonymised.invalid`,
  };
}

/**
 * Anonymises a person who left: their row keeps its id, so campaigns, tallies and reports keep
 * their shape, but name, e-mail and employee id become placeholders, the reports about them no
 * longer name them, and the e-mails queued or sent to them, their development plans and the
 * nomination links they held are removed.
 */
@Injectable()
export class Anonymisation {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly campaigns: CampaignRepository,
    private readonly reports: ReportRepository,
    private readonly outbox: OutboxRepository,
    private readonly plans: DevelopmentPlanRepository,
    private readonly nominations: NominationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** HR, on request: 409 for someone still in the organisation or in an unfinished campaign. */
  async anonymise(actor: ServiceActor, employeeId: string): Promise<AnonymisedDto> {
    assertMayChange(actor);
    const now = this.clock.now();
    return transaction(this.dataSource, async (tx) => {
      const person = await this.people.byEmployeeId(employeeId, tx);
      if (!person) {
        throw new DomainError('not_found', `No person with employee id '${employeeId}'.`);
      }
      if (person.anonymisedAt) {
        throw new DomainError('conflict', `${employeeId} is anonymised already.`);
      }
      if (person.active) {
        throw new DomainError(
          'conflict',
          `${employeeId} is still in the organisation (in the latest import); only people who left can be anonymised.`,
        );
      }
      const unfinished = await this.campaigns.unfinishedInvolving(person.id, tx);
      if (unfinished.length > 0) {
        throw new DomainError(
          'conflict',
          `${employeeId} takes part in a campaign that is not closed (${unfinished.join(', ')}); anonymise after it closes.`,
        );
      }
      const placeholder = await this.apply(tx, person, now);
      await recordAudit(tx, actor, 'person.anonymised', auditTarget.employee(placeholder));
      return { employeeId: placeholder, anonymisedAt: now.toISOString() };
    });
  }

  /**
   * Retention's part: anonymises each of these people who is not in an unfinished campaign, in
   * the caller's transaction; how many it anonymised.
   */
  async anonymiseLeavers(tx: EntityManager, people: readonly Person[], now: Date): Promise<number> {
    let anonymised = 0;
    for (const person of people) {
      if ((await this.campaigns.unfinishedInvolving(person.id, tx)).length === 0) {
        const placeholder = await this.apply(tx, person, now);
        await recordAudit(tx, SYSTEM_ACTOR, 'person.anonymised', auditTarget.employee(placeholder));
        anonymised += 1;
      }
    }
    return anonymised;
  }

  private async apply(tx: EntityManager, person: Person, now: Date): Promise<string> {
    const placeholder = placeholderFor(person.id);
    const employeeId = person.employeeId;
    await this.people.anonymise(tx, person, placeholder, now);
    await this.reports.renameSubject(tx, person.id, {
      employeeId: placeholder.employeeId,
      name: placeholder.name,
    });
    await this.outbox.deleteForRecipient(tx, person.id);
    // their development plans are their own words; their nomination links are theirs to hold
    await this.plans.deleteOfSubject(tx, person.id);
    await this.nominations.deleteTokensHeldBy(tx, person.id);
    // the trail keeps what was done, no longer to whom
    await renameAuditEmployee(tx, employeeId, placeholder.employeeId);
    return placeholder.employeeId;
  }
}
