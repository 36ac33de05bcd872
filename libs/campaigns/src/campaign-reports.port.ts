import { DynamicModule, Module, ModuleMetadata, Type } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { GroupCounts } from './assignment.repository';
import type { Campaign } from './campaign.entity';

/** A subject of the closing campaign: what its report and its report e-mail need. */
export interface ClosingSubject {
  id: string;
  employeeId: string;
  name: string;
  email: string;
}

export interface ClosingCampaign {
  /** closed, with its closing time, inside the transaction that closes it */
  campaign: Campaign;
  subjects: readonly ClosingSubject[];
  /** invited and answered per subject and relationship, from the assignments */
  counts: readonly GroupCounts[];
  /** the other closed campaigns on the same questionnaire, the latest first (the trend) */
  earlierCampaignIds: readonly string[];
}

/**
 * What closing a campaign needs from the reports: in the closing transaction, every subject's
 * report built, audited and stored, its e-mail queued, and the answers sealed to what the reports
 * show (DESIGN.md, rule 7). Defined here, implemented by libs/reports, provided by each app: an
 * app that loads campaigns without it does not start (no close may end without its reports).
 */
export interface CampaignReports {
  /** Returns how many reports were stored. */
  buildAtClose(tx: EntityManager, closing: ClosingCampaign): Promise<number>;
  /** The tables of answers and drafts, vacuumed with the campaigns' own after the commit. */
  readonly answerTables: readonly string[];
}

export const CAMPAIGN_REPORTS = Symbol('CAMPAIGN_REPORTS');

/**
 * How an app provides the port: `CampaignReportsModule.provide({ imports: [ReportsModule],
 * useExisting: ReportBuilder })` beside CampaignsModule. Global, because campaigns cannot import
 * the lib that implements it (that lib imports campaigns).
 */
@Module({})
export class CampaignReportsModule {
  static provide(options: {
    imports: NonNullable<ModuleMetadata['imports']>;
    useExisting: Type<CampaignReports>;
  }): DynamicModule {
    return {
      module: CampaignReportsModule,
      global: true,
      imports: options.imports,
      providers: [{ provide: CAMPAIGN_REPORTS, useExisting: options.useExisting }],
      exports: [CAMPAIGN_REPORTS],
    };
  }
}
