import { Inject, Injectable } from '@nestjs/common';
import {
  Campaign,
  CampaignItemSetRepository,
  CampaignRepository,
  CampaignSubjectRepository,
  TalliedSubject,
} from '@ledarspegel/campaigns';
import { DomainError } from '@ledarspegel/core';
import { type Person, PeopleRepository } from '@ledarspegel/people';
import { Questionnaire, QuestionnaireRegistry, restrictedTo } from '@ledarspegel/questionnaires';
import { Language, toLanguage } from '@ledarspegel/templates';
import { readAuditedReport, ReportContent } from './report-content';
import { ReportRepository } from './report.repository';

/** One subject's stored report with what every rendering of it needs. */
export interface LoadedReport {
  campaign: Campaign;
  subject: Person;
  report: ReportContent;
  questionnaire: Questionnaire;
  /** the subject's own language */
  language: Language;
}

/** A closed campaign's reports, by employee id, with its subjects and their response counts. */
export interface LoadedCampaignReports {
  campaign: Campaign;
  questionnaire: Questionnaire;
  managers: TalliedSubject[];
  reports: Map<string, ReportContent>;
}

/**
 * Where every caller gets its reports: the API (JSON, PDF, summary, exports), the web view, the
 * report e-mail and the console. The stored JSON is read only through `readAuditedReport`.
 */
@Injectable()
export class ReportLoader {
  constructor(
    private readonly reports: ReportRepository,
    private readonly campaigns: CampaignRepository,
    private readonly subjects: CampaignSubjectRepository,
    private readonly people: PeopleRepository,
    private readonly itemSets: CampaignItemSetRepository,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
  ) {}

  /** HR's view of one subject's report: 404 without one, 409 before the campaign is closed. */
  async forSubject(campaignId: string, employeeId: string): Promise<LoadedReport> {
    const campaign = await this.closedCampaign(campaignId);
    const subject = await this.people.byEmployeeId(employeeId);
    const content = subject ? await this.reports.content(campaignId, subject.id) : null;
    if (!subject || !content) {
      throw new DomainError('not_found', `${employeeId} has no report in this campaign.`);
    }
    return this.loaded(campaign, subject, content, await this.questionnaireOf(campaign));
  }

  /**
   * The report a signed link or a report e-mail names, null where it no longer exists, and the
   * language to say so in (the subject's, where they are known).
   */
  async forLink(
    campaignId: string,
    subjectId: string,
  ): Promise<{ loaded: LoadedReport | null; language: Language }> {
    const [content, subject, campaign] = await Promise.all([
      this.reports.content(campaignId, subjectId),
      this.people.byId(subjectId),
      this.campaigns.find(campaignId),
    ]);
    return {
      loaded:
        content && subject && campaign
          ? this.loaded(campaign, subject, content, await this.questionnaireOf(campaign))
          : null,
      language: toLanguage(subject?.locale),
    };
  }

  async forCampaign(campaignId: string): Promise<LoadedCampaignReports> {
    const campaign = await this.closedCampaign(campaignId);
    // closed, so sealed: the tallies hold the counts, the assignments no longer know them
    const managers = await this.subjects.tallied(campaign.id);
    const reports = new Map<string, ReportContent>();
    for (const content of await this.reports.contents(campaign.id)) {
      const report = readAuditedReport(content);
      reports.set(report.subject.employeeId, report);
    }
    return { campaign, questionnaire: await this.questionnaireOf(campaign), managers, reports };
  }

  private loaded(
    campaign: Campaign,
    subject: Person,
    content: string,
    questionnaire: Questionnaire,
  ): LoadedReport {
    return {
      campaign,
      subject,
      report: readAuditedReport(content),
      questionnaire,
      language: toLanguage(subject.locale),
    };
  }

  /** A closed campaign's questionnaire as it was asked (404, 409 as `forSubject`). */
  async questionnaireForCampaign(campaignId: string): Promise<Questionnaire> {
    return this.questionnaireOf(await this.closedCampaign(campaignId));
  }

  /** The campaign's questionnaire as it was asked: a pulse's items only. */
  async questionnaireOf(campaign: Campaign): Promise<Questionnaire> {
    return restrictedTo(
      await this.questionnaires.find(campaign.questionnaireKey, campaign.questionnaireVersion),
      await this.itemSets.itemsOf(campaign.id),
    );
  }

  private async closedCampaign(campaignId: string): Promise<Campaign> {
    const campaign = await this.campaigns.find(campaignId);
    if (!campaign) {
      throw new DomainError('not_found', `No campaign ${campaignId}.`);
    }
    if (campaign.status !== 'closed') {
      throw new DomainError('conflict', 'Reports are built when the campaign closes.');
    }
    return campaign;
  }
}
