import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  assertMayChange,
  assertMayRead,
  AUDIT_RETENTION_MONTHS,
  auditTarget,
  disposeAuditEntries,
  recordAudit,
  type ServiceActor,
} from '@ledarspegel/auth';
import {
  AssignmentRepository,
  CampaignRepository,
  NominationRepository,
} from '@ledarspegel/campaigns';
import { AppLogger, Clock, CLOCK, LOGGER, transaction } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import { PeopleRepository } from '@ledarspegel/people';
import { DevelopmentPlanRepository, ReportRepository } from '@ledarspegel/reports';
import { ResponseRepository } from '@ledarspegel/responses';
import { Anonymisation } from '../anonymisation';
import { monthsBefore } from './retention-period';
import type { RetentionRun } from './retention-run.entity';
import { RetentionResponseDto, RetentionRunDto, RetentionSettingsDto } from './retention.dto';
import { RetentionRepository } from './retention.repository';

const DAY_MS = 24 * 60 * 60 * 1000;

function toRunResponse(run: Omit<RetentionRun, 'id'>): RetentionRunDto {
  return {
    ranAt: run.ranAt.toISOString(),
    reportsMonths: run.reportsMonths,
    inactivePeopleMonths: run.inactivePeopleMonths,
    campaignsDisposed: run.campaignsDisposed,
    reportsRemoved: run.reportsRemoved,
    responsesRemoved: run.responsesRemoved,
    messagesRemoved: run.messagesRemoved,
    assignmentsRemoved: run.assignmentsRemoved,
    plansRemoved: run.plansRemoved,
    nominationsRemoved: run.nominationsRemoved,
    peopleAnonymised: run.peopleAnonymised,
  };
}

/**
 * Retention and disposal (gallring): HR's settings, and the daily job that applies them. A
 * campaign closed longer than `reportsMonths` loses its reports, sealed answers, e-mails and
 * assignments (the campaign and its response counts stay as the record that it took place);
 * a person who left longer than `inactivePeopleMonths` ago is anonymised. Each run is
 * recorded with what it removed, as counts.
 */
@Injectable()
export class RetentionService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly retention: RetentionRepository,
    private readonly campaigns: CampaignRepository,
    private readonly assignments: AssignmentRepository,
    private readonly reports: ReportRepository,
    private readonly responses: ResponseRepository,
    private readonly outbox: OutboxRepository,
    private readonly people: PeopleRepository,
    private readonly plans: DevelopmentPlanRepository,
    private readonly nominations: NominationRepository,
    private readonly anonymisation: Anonymisation,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOGGER) private readonly logger: AppLogger,
  ) {}

  async get(actor: ServiceActor): Promise<RetentionResponseDto> {
    assertMayRead(actor);
    const [settings, lastRun] = await Promise.all([
      this.retention.settings(),
      this.retention.lastRun(),
    ]);
    return {
      reportsMonths: settings.reportsMonths,
      inactivePeopleMonths: settings.inactivePeopleMonths,
      updatedAt: settings.updatedAt ? settings.updatedAt.toISOString() : null,
      lastRun: lastRun ? toRunResponse(lastRun) : null,
    };
  }

  async update(actor: ServiceActor, settings: RetentionSettingsDto): Promise<RetentionResponseDto> {
    assertMayChange(actor);
    await this.retention.save(
      {
        reportsMonths: settings.reportsMonths,
        inactivePeopleMonths: settings.inactivePeopleMonths,
      },
      this.clock.now(),
      (tx) => recordAudit(tx, actor, 'settings.changed', auditTarget.setting('retention')),
    );
    return this.get(actor);
  }

  /** The worker's daily step: runs when no process has run it in the last day. */
  async runIfDue(): Promise<RetentionRunDto | null> {
    const now = this.clock.now();
    if (!(await this.retention.claimRun(now, new Date(now.getTime() - DAY_MS)))) {
      return null;
    }
    const run = await this.run(now);
    if (run.campaignsDisposed > 0 || run.peopleAnonymised > 0) {
      this.logger.info(run, 'retention applied');
    }
    return run;
  }

  /** Applies the settings as of `now`, in one transaction, and records the run. */
  async run(now: Date): Promise<RetentionRunDto> {
    return transaction(this.dataSource, async (tx) => {
      const settings = await this.retention.settings(tx);
      const run: Omit<RetentionRun, 'id'> = {
        ranAt: now,
        reportsMonths: settings.reportsMonths,
        inactivePeopleMonths: settings.inactivePeopleMonths,
        campaignsDisposed: 0,
        reportsRemoved: 0,
        responsesRemoved: 0,
        messagesRemoved: 0,
        assignmentsRemoved: 0,
        plansRemoved: 0,
        nominationsRemoved: 0,
        peopleAnonymised: 0,
      };
      if (settings.reportsMonths !== null) {
        const due = await this.campaigns.closedBefore(
          monthsBefore(now, settings.reportsMonths),
          tx,
        );
        run.campaignsDisposed = due.length;
        run.reportsRemoved = await this.reports.deleteForCampaigns(tx, due);
        run.responsesRemoved = await this.responses.deleteForCampaigns(tx, due);
        run.messagesRemoved = await this.outbox.deleteForCampaigns(tx, due);
        run.assignmentsRemoved = await this.assignments.deleteForCampaigns(tx, due);
        run.plansRemoved = await this.plans.deleteForCampaigns(tx, due);
        run.nominationsRemoved = await this.nominations.deleteForCampaigns(tx, due);
        await this.campaigns.markDisposed(tx, due, now);
      }
      if (settings.inactivePeopleMonths !== null) {
        const leavers = await this.people.leftBefore(
          monthsBefore(now, settings.inactivePeopleMonths),
          tx,
        );
        run.peopleAnonymised = await this.anonymisation.anonymiseLeavers(tx, leavers, now);
      }
      // the trail names HR users: kept for a fixed period, whatever the settings (docs/gallring.md)
      await disposeAuditEntries(tx, monthsBefore(now, AUDIT_RETENTION_MONTHS));
      await this.retention.record(tx, run);
      return toRunResponse(run);
    });
  }
}
