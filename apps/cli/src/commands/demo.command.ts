import fs from 'node:fs';
import path from 'node:path';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import {
  Clock,
  CLOCK,
  PRIVATE_DIRECTORY_MODE,
  PRIVATE_FILE_MODE,
  projectRoot,
} from '@ledarspegel/core';
import { OutboxDispatcher, readEmlFile } from '@ledarspegel/mail';
import { PeopleRepository, PeopleService } from '@ledarspegel/people';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import {
  REPORT_LINK_TTL_SECONDS,
  ReportResponseDto,
  ReportsService,
  signReportLink,
} from '@ledarspegel/reports';
import { SurveyService } from '@ledarspegel/responses';
import {
  demoAnswers,
  demoComments,
  DemoRelationship,
  managerProfile,
  ManagerProfile,
  responds,
  seededRandom,
  seedOf,
} from '../demo/demo-answers';
import { describeDemoReports, DemoFindings } from '../demo/demo-findings';

const QUESTIONNAIRE = 'huddinge-ledarskap';
const RESPONSE_RATE = 0.85;
const SEED = 2026;
const THRESHOLD = 3;
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

function bar(label: string, done: number, total: number): void {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const before = total === 0 ? width : Math.round(((done - 1) / total) * width);
  // only when the bar grows: a log file gets a few lines, not one per survey
  if (filled === before && done < total) {
    return;
  }
  process.stderr.write(
    `\r${label.padEnd(28)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`,
  );
  if (done >= total) {
    process.stderr.write('\n');
  }
}

interface DemoCampaign {
  id: string;
  name: string;
  subjects: { employeeId: string }[];
}

/**
 * Where the demo holds answers back, so that its reports show what anonymity protection looks
 * like: one manager's peers, and everyone but one small team's manager themself.
 */
interface QuietManagers {
  /** only 2 peers answer: the peer group is hidden, their answers count in "others" */
  peers: string | null;
  /** only 2 people besides the manager answer: no figure from others at all */
  others: string | null;
}

/**
 * `npm run demo`: the main job end to end on the embedded defaults: the demo organisation, a
 * campaign on the Huddinge questionnaire a year ago and one now (so the reports show a trend),
 * with peers and realistic answers (see demo-answers.ts) given through the survey service (the
 * same path as the form), close, PDFs in var/reports and e-mails in var/mail; then where to look.
 */
@Command({ name: 'demo', description: 'Run a whole demo campaign end to end' })
export class DemoCommand extends CommandRunner {
  constructor(
    private readonly people: PeopleService,
    private readonly peopleRecords: PeopleRepository,
    private readonly campaigns: CampaignsService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly survey: SurveyService,
    private readonly reports: ReportsService,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
  }

  async run(): Promise<void> {
    const say = (text: string) => process.stderr.write(`${text}\n`);
    const organisation = path.join(projectRoot(), 'seeds', 'demo-organisation.csv');
    const imported = await this.people.importCsv(SYSTEM_ACTOR, fs.readFileSync(organisation));
    say(
      `Organisation: ${imported.created} created, ${imported.updated} updated, ${imported.unchanged} unchanged (${path.relative(process.cwd(), organisation)})`,
    );

    const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ');
    const year = new Date().getUTCFullYear();
    say('');
    say(`A year ago (the reports compare with it):`);
    const earlier = await this.atYearsAgo(1, () =>
      this.runCampaign(`Demo: Ledarskap i Huddinge ${year - 1} (${stamp})`, 1),
    );
    say('');
    say(`Now:`);
    const campaign = await this.runCampaign(`Demo: Ledarskap i Huddinge ${year} (${stamp})`, 0);

    const reportDir = path.join(this.config.varDir, 'reports', campaign.id);
    fs.mkdirSync(reportDir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
    // a few at a time: the PDFs render on one thread per core
    let nextSubject = 0;
    let written = 0;
    const loaded: ReportResponseDto[] = [];
    const writeReports = async () => {
      for (
        let subject = campaign.subjects[nextSubject++];
        subject;
        subject = campaign.subjects[nextSubject++]
      ) {
        const pdf = await this.reports.pdf(SYSTEM_ACTOR, campaign.id, subject.employeeId);
        fs.writeFileSync(path.join(reportDir, `${subject.employeeId}.pdf`), pdf, {
          mode: PRIVATE_FILE_MODE,
        });
        loaded.push(await this.reports.get(SYSTEM_ACTOR, campaign.id, subject.employeeId));
        written += 1;
        bar('Writing PDF reports', written, campaign.subjects.length);
      }
    };
    await Promise.all(Array.from({ length: 4 }, writeReports));
    const findings = describeDemoReports(loaded);
    const example = findings.partly?.employeeId;
    const [person] = example ? await this.peopleRecords.activeByEmployeeIds([example]) : [];
    const webView = person
      ? `${this.config.publicUrl}/reports/${signReportLink(
          {
            campaignId: campaign.id,
            subjectId: person.id,
            exp: Math.floor(Date.now() / 1000) + REPORT_LINK_TTL_SECONDS,
          },
          this.config.secretKey ?? '',
        )}`
      : null;
    this.sayWhereToLook(say, campaign, earlier, findings, reportDir, webView);
  }

  /** Runs work with the clock set back, so a campaign closes when it would have a year ago. */
  private async atYearsAgo<T>(years: number, work: () => Promise<T>): Promise<T> {
    const now = this.clock.now.bind(this.clock);
    this.clock.now = () => new Date(now().getTime() - years * YEAR_MS);
    try {
      return await work();
    } finally {
      this.clock.now = now;
    }
  }

  private async runCampaign(name: string, yearsAgo: number): Promise<DemoCampaign> {
    const say = (text: string) => process.stderr.write(`${text}\n`);
    const questionnaire = await this.questionnaires.find(QUESTIONNAIRE);
    const campaign = await this.campaigns.create(SYSTEM_ACTOR, {
      name,
      questionnaireKey: QUESTIONNAIRE,
      subjects: { allManagers: true },
      raterGroups: ['self', 'manager', 'direct_report', 'peer'],
      anonymityThreshold: THRESHOLD,
    });
    // Peers: the other managers who report to the same manager.
    const preview = await this.campaigns.raters(SYSTEM_ACTOR, campaign.id);
    const managerOf = new Map<string, string>();
    for (const subject of preview.subjects) {
      const manager = subject.raters.find((r) => r.relationship === 'manager');
      if (manager) {
        managerOf.set(subject.employeeId, manager.employeeId);
      }
    }
    let peers = 0;
    const peerCount = new Map<string, number>();
    for (const subject of preview.subjects) {
      const siblings = preview.subjects.filter(
        (other) =>
          other.employeeId !== subject.employeeId &&
          managerOf.get(other.employeeId) === managerOf.get(subject.employeeId),
      );
      for (const peer of siblings.slice(0, 4)) {
        await this.campaigns.addRater(SYSTEM_ACTOR, campaign.id, {
          subjectEmployeeId: subject.employeeId,
          raterEmployeeId: peer.employeeId,
          relationship: 'peer',
        });
        peers += 1;
      }
      peerCount.set(subject.employeeId, Math.min(4, siblings.length));
    }
    const team = (employeeId: string) =>
      preview.subjects
        .find((s) => s.employeeId === employeeId)
        ?.raters.filter((r) => r.relationship === 'direct_report').length ?? 0;
    const byId = [...preview.subjects].sort((a, b) => a.employeeId.localeCompare(b.employeeId));
    const quiet: QuietManagers = {
      peers:
        byId.find((s) => (peerCount.get(s.employeeId) ?? 0) >= 3 && team(s.employeeId) >= 4)
          ?.employeeId ?? null,
      others:
        [...byId]
          .filter((s) => team(s.employeeId) >= 2)
          .sort((a, b) => team(a.employeeId) - team(b.employeeId))[0]?.employeeId ?? null,
    };
    say(`Campaign "${campaign.name}": ${campaign.subjects.length} managers, ${peers} peers added`);

    const mailDir = this.config.mailDir;
    const before = new Set(fs.existsSync(mailDir) ? fs.readdirSync(mailDir) : []);
    const launched = await this.campaigns.launch(SYSTEM_ACTOR, campaign.id);
    say(`Launched: ${launched.invited} surveys for ${launched.emailsQueued} people`);
    await this.dispatcher.drain();
    const tokens: string[] = [];
    for (const file of fs
      .readdirSync(mailDir)
      .filter((file) => file.endsWith('.eml') && !before.has(file))) {
      const mail = await readEmlFile(path.join(mailDir, file));
      tokens.push(
        ...[...(mail.text ?? '').matchAll(/\/s\/([A-Za-z0-9_-]{32})/g)].map((m) => m[1] ?? ''),
      );
    }
    // Who rates whom, in a fixed order: the same answers whatever order the mail was written in.
    const surveys: {
      token: string;
      subject: string;
      rater: string;
      relationship: DemoRelationship;
    }[] = [];
    for (const token of new Set(tokens)) {
      const state = await this.survey.view(token, 'sv', false);
      if (state.kind === 'form') {
        surveys.push({
          token,
          subject: state.survey.subject.id,
          rater: state.survey.rater.name,
          relationship: state.survey.assignment.relationship,
        });
      }
    }
    // by employee id, not by the database's ids: those are new on every import, and the seed
    // and the order must be the same on every run, on SQLite and PostgreSQL alike
    const employeeIdOf = new Map(
      (await this.peopleRecords.activeByEmployeeIds(preview.subjects.map((s) => s.employeeId))).map(
        (person) => [person.id, person.employeeId] as const,
      ),
    );
    const keyOf = (survey: (typeof surveys)[number]) =>
      `${employeeIdOf.get(survey.subject) ?? survey.subject} ${survey.relationship} ${survey.rater}`;
    surveys.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));

    const profiles = new Map<string, ManagerProfile>();
    const held = new Map<string, number>();
    let answered = 0;
    for (const [index, survey] of surveys.entries()) {
      const employeeId = employeeIdOf.get(survey.subject) ?? survey.subject;
      const random = seededRandom(
        seedOf(SEED, yearsAgo, employeeId, survey.relationship, survey.rater),
      );
      const capped =
        employeeId === quiet.others && survey.relationship !== 'self'
          ? `${survey.subject} others`
          : employeeId === quiet.peers && survey.relationship === 'peer'
            ? `${survey.subject} peer`
            : null;
      const cap = capped
        ? { answeredSoFar: held.get(capped) ?? 0, quietAnswers: THRESHOLD - 1 }
        : null;
      if (responds(random, RESPONSE_RATE, survey.relationship, cap)) {
        let profile = profiles.get(employeeId);
        if (!profile) {
          profile = managerProfile(SEED, employeeId, questionnaire);
          profiles.set(employeeId, profile);
        }
        const form = {
          action: 'submit',
          ...demoAnswers(profile, questionnaire, survey.relationship, random, yearsAgo),
          ...demoComments(random),
        };
        const outcome = await this.survey.post(survey.token, form);
        if (outcome.kind === 'submitted') {
          answered += 1;
          if (capped) {
            held.set(capped, (held.get(capped) ?? 0) + 1);
          }
        }
      }
      bar('Answering surveys', index + 1, surveys.length);
    }
    say(`Answered: ${answered} of ${surveys.length} surveys`);
    const { reports } = await this.campaigns.close(SYSTEM_ACTOR, campaign.id);
    const sent = await this.dispatcher.drain();
    say(`Closed: ${reports} reports, ${sent} report e-mails with the PDF attached`);
    return { id: campaign.id, name: campaign.name, subjects: campaign.subjects };
  }

  private sayWhereToLook(
    say: (text: string) => void,
    campaign: DemoCampaign,
    earlier: DemoCampaign,
    findings: DemoFindings,
    reportDir: string,
    webView: string | null,
  ): void {
    const base = this.config.publicUrl;
    const consoleReport = (employeeId: string) =>
      `${base}/admin/campaigns/${campaign.id}/reports/${encodeURIComponent(employeeId)}`;
    say('');
    say(
      `Done. ${findings.reports} reports (${findings.withOthers} with others' figures; the rest had fewer than ${THRESHOLD} answers besides their own).`,
    );
    say(`  PDF reports:   ${path.relative(process.cwd(), reportDir)}/`);
    say(
      `  E-mails:       ${path.relative(process.cwd(), this.config.mailDir)}/ (invitations, and report e-mails with the PDF attached)`,
    );
    say(`  Campaign id:   ${campaign.id}`);
    say('');
    say('What to look at (start the server with `npm start`; the console needs an admin,');
    say('`npm run cli -- admin:create --email you@example.se --password ...`):');
    say(`  Results, every manager by area:  ${base}/admin/campaigns/${campaign.id}`);
    if (findings.partly) {
      const { employeeId, name, hidden } = findings.partly;
      say(
        `  Anonymity protection: ${name}'s report shows no figures of its own for ${hidden.join(' and ')} (fewer than ${THRESHOLD} answered); their answers count only in "others":`,
      );
      say(`    ${consoleReport(employeeId)}`);
      if (webView) {
        say(`    as ${name} gets it by e-mail: ${webView}`);
      }
    }
    if (findings.hidden) {
      say(
        `  No figures from others at all: ${findings.hidden.name} (only ${findings.hidden.responded} answered besides themself):`,
      );
      say(`    ${consoleReport(findings.hidden.employeeId)}`);
    }
    say(
      `  Trend: ${findings.withTrend} reports compare each area with "${earlier.name}", a year earlier.`,
    );
    if (findings.selfAboveOthers !== null) {
      say(
        `  Self-assessments are ${findings.selfAboveOthers.toFixed(2)} above how others see the manager, on average (as in 360 studies).`,
      );
    }
    say(`  The organisation summary as JSON: ${base}/api/v1/campaigns/${campaign.id}/summary`);
  }
}
