import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertMayRead, auditTarget, recordAuditNow, type ServiceActor } from '@ledarspegel/auth';
import {
  AssignmentRepository,
  type Campaign,
  CampaignRepository,
  CampaignSubjectRepository,
  type NominationOfSubject,
  NominationRepository,
  type RaterCount,
} from '@ledarspegel/campaigns';
import { Clock, CLOCK, DomainError } from '@ledarspegel/core';
import { OutboxRepository } from '@ledarspegel/mail';
import { PeopleRepository, type Person } from '@ledarspegel/people';
import { DevelopmentPlanRepository, ReportRepository } from '@ledarspegel/reports';
import { ExtractLanguage, renderExtractPdf } from './extract-pdf';
import {
  ExtractRaterCampaignDto,
  ExtractSubjectCampaignDto,
  RegisterExtractDto,
  WHY_NO_ANSWERS,
} from './register-extract.dto';

const iso = (date: Date | null): string | null => (date ? date.toISOString() : null);

/**
 * The register extract (GDPR art. 15): what every table holds about one person, gathered
 * through each lib's repository. Answers are left out because nothing links them to anyone.
 */
@Injectable()
export class RegisterExtractService {
  constructor(
    private readonly people: PeopleRepository,
    private readonly campaigns: CampaignRepository,
    private readonly subjects: CampaignSubjectRepository,
    private readonly assignments: AssignmentRepository,
    private readonly reports: ReportRepository,
    private readonly outbox: OutboxRepository,
    private readonly plans: DevelopmentPlanRepository,
    private readonly nominations: NominationRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Everything stored about a person; the audit trail records that it was produced. */
  async extract(actor: ServiceActor, employeeId: string): Promise<RegisterExtractDto> {
    assertMayRead(actor);
    const extract = await this.gather(employeeId);
    await recordAuditNow(
      this.dataSource,
      actor,
      'register_extract.produced',
      auditTarget.employee(employeeId),
    );
    return extract;
  }

  private async gather(employeeId: string): Promise<RegisterExtractDto> {
    const person = await this.people.byEmployeeId(employeeId);
    if (!person) {
      throw new DomainError('not_found', `No person with employee id '${employeeId}'.`);
    }
    const [
      subjectOf,
      reports,
      asRater,
      manualRater,
      emails,
      directReports,
      manager,
      plans,
      nominations,
      namedOn,
    ] = await Promise.all([
      this.subjects.campaignsOf(person.id),
      this.reports.ofSubject(person.id),
      this.assignments.raterCountsOf(person.id),
      this.subjects.manualRaterCountsOf(person.id),
      this.outbox.toRecipient(person.id),
      this.people.activeReportsOf(person.employeeId),
      person.managerEmployeeId ? this.people.byEmployeeId(person.managerEmployeeId) : null,
      this.plans.ofSubject(person.id),
      this.nominations.ofSubject(person.id),
      this.nominations.listsNaming(person.id),
    ]);
    const reportOf = new Map(reports.map((report) => [report.campaignId, report.id]));
    // a draft's raters HR named by hand become assignments at launch: count each campaign once
    const launched = new Set(asRater.map(({ campaignId }) => campaignId));
    const raterCounts = [...asRater, ...manualRater.filter((c) => !launched.has(c.campaignId))];
    const campaigns = new Map(
      (
        await this.campaigns.byIds([
          ...subjectOf,
          ...reports.map((r) => r.campaignId),
          ...raterCounts.map((c) => c.campaignId),
          ...plans.map((plan) => plan.campaignId),
          ...nominations.map((nomination) => nomination.campaignId),
          ...namedOn.map((named) => named.campaignId),
        ])
      ).map((campaign) => [campaign.id, campaign]),
    );
    const assessedIn = [...new Set([...subjectOf, ...reportOf.keys()])]
      .flatMap((id) => {
        const campaign = campaigns.get(id);
        return campaign ? [subjectCampaign(campaign, reportOf.get(id) ?? null)] : [];
      })
      .sort(byLaunch);
    return {
      generatedAt: this.clock.now().toISOString(),
      whyNoAnswers: { ...WHY_NO_ANSWERS },
      person: personRecord(person),
      manager: manager ? { employeeId: manager.employeeId, name: manager.name } : null,
      directReports,
      assessedIn,
      askedToRate: raterCampaigns(raterCounts, campaigns),
      emails: emails.map((email) => ({
        kind: email.kind,
        campaignId: email.campaignId,
        toAddress: email.toAddress,
        status: email.status,
        createdAt: email.createdAt.toISOString(),
        sentAt: iso(email.sentAt),
      })),
      developmentPlans: plans.map((plan) => ({
        campaignId: plan.campaignId,
        campaignName: campaigns.get(plan.campaignId)?.name ?? '',
        focusItems: [...plan.focusItems],
        actions: plan.actions,
        support: plan.support,
        startsOn: plan.startsOn,
        reviewOn: plan.reviewOn,
        sharedAt: iso(plan.sharedAt),
        updatedAt: plan.updatedAt.toISOString(),
      })),
      nominations: await this.nominationLists(nominations, campaigns),
      namedOnNominationLists: namedOn.map(({ campaignId, lists }) => ({
        campaignId,
        campaignName: campaigns.get(campaignId)?.name ?? '',
        lists,
      })),
    };
  }

  /** Their own nominations, with the people on each list by employee id. */
  private async nominationLists(
    nominations: readonly NominationOfSubject[],
    campaigns: ReadonlyMap<string, Campaign>,
  ): Promise<RegisterExtractDto['nominations']> {
    const ids = [
      ...new Set(
        nominations.flatMap((n) => [...n.nominated, ...n.approved].map((rater) => rater.raterId)),
      ),
    ];
    const employeeIds = new Map(
      (await this.people.byIds(ids)).map((person) => [person.id, person.employeeId]),
    );
    const of = (raters: readonly { raterId: string }[]) =>
      raters.map((rater) => employeeIds.get(rater.raterId) ?? rater.raterId);
    return nominations.map((nomination) => ({
      campaignId: nomination.campaignId,
      campaignName: campaigns.get(nomination.campaignId)?.name ?? '',
      status: nomination.status,
      nominated: of(nomination.nominated),
      approved: of(nomination.approved),
    }));
  }

  /** The same as a tagged PDF, in the person's language unless one is asked for. */
  async pdf(actor: ServiceActor, employeeId: string, language?: ExtractLanguage): Promise<Buffer> {
    return renderExtractPdf(await this.extract(actor, employeeId), language);
  }
}

function personRecord(person: Person): RegisterExtractDto['person'] {
  return {
    employeeId: person.employeeId,
    name: person.name,
    email: person.email,
    unit: person.unit,
    managerEmployeeId: person.managerEmployeeId,
    locale: person.locale,
    active: person.active,
    leftAt: iso(person.leftAt),
    anonymisedAt: iso(person.anonymisedAt),
    createdAt: person.createdAt.toISOString(),
    updatedAt: person.updatedAt.toISOString(),
  };
}

function subjectCampaign(campaign: Campaign, reportId: string | null): ExtractSubjectCampaignDto {
  return {
    campaignId: campaign.id,
    campaignName: campaign.name,
    status: campaign.status,
    launchedAt: iso(campaign.launchedAt),
    closedAt: iso(campaign.closedAt),
    disposedAt: iso(campaign.disposedAt),
    reportId,
  };
}

function raterCampaigns(
  counts: readonly RaterCount[],
  campaigns: ReadonlyMap<string, Campaign>,
): ExtractRaterCampaignDto[] {
  const byCampaign = new Map<string, ExtractRaterCampaignDto>();
  for (const { campaignId, relationship, count } of counts) {
    const campaign = campaigns.get(campaignId);
    if (!campaign) {
      continue;
    }
    const entry = byCampaign.get(campaignId) ?? {
      campaignId,
      campaignName: campaign.name,
      status: campaign.status,
      asked: 0,
      byRelationship: {},
    };
    entry.asked += count;
    entry.byRelationship[relationship] = (entry.byRelationship[relationship] ?? 0) + count;
    byCampaign.set(campaignId, entry);
  }
  return [...byCampaign.values()].sort((a, b) => a.campaignName.localeCompare(b.campaignName));
}

function byLaunch(a: ExtractSubjectCampaignDto, b: ExtractSubjectCampaignDto): number {
  return (a.launchedAt ?? '9').localeCompare(b.launchedAt ?? '9');
}
