import fs from 'node:fs';
import path from 'node:path';
import { Inject } from '@nestjs/common';
import { Command, CommandRunner } from 'nest-commander';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { APP_CONFIG, AppConfig } from '@ledarspegel/config';
import { PRIVATE_DIRECTORY_MODE, PRIVATE_FILE_MODE, projectRoot } from '@ledarspegel/core';
import { OutboxDispatcher, readEmlFile } from '@ledarspegel/mail';
import { PeopleService } from '@ledarspegel/people';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { ReportsService } from '@ledarspegel/reports';
import { SurveyService } from '@ledarspegel/responses';

const QUESTIONNAIRE = 'huddinge-ledarskap';
const RESPONSE_RATE = 0.85;

/** A small deterministic random generator, so two demo runs look alike. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function bar(label: string, done: number, total: number): void {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  process.stderr.write(
    `\r${label.padEnd(28)} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total}`,
  );
  if (done >= total) {
    process.stderr.write('\n');
  }
}

/**
 * `npm run demo`: the main job end to end on the embedded defaults: the demo organisation, a
 * campaign on the Huddinge questionnaire with peers, answers through the survey service (the
 * same path as the form), close, PDFs in var/reports and e-mails in var/mail.
 */
@Command({ name: 'demo', description: 'Run a whole demo campaign end to end' })
export class DemoCommand extends CommandRunner {
  constructor(
    private readonly people: PeopleService,
    private readonly campaigns: CampaignsService,
    private readonly dispatcher: OutboxDispatcher,
    private readonly survey: SurveyService,
    private readonly reports: ReportsService,
    @Inject(QuestionnaireRegistry) private readonly questionnaires: QuestionnaireRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
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
    const campaign = await this.campaigns.create(SYSTEM_ACTOR, {
      name: `Demo: Ledarskap i Huddinge ${stamp}`,
      questionnaireKey: QUESTIONNAIRE,
      subjects: { allManagers: true },
      raterGroups: ['self', 'manager', 'direct_report', 'peer'],
      anonymityThreshold: 3,
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
    }
    say(`Campaign "${campaign.name}": ${campaign.subjects.length} managers, ${peers} peers added`);

    const mailDir = this.config.mailDir;
    const before = new Set(fs.existsSync(mailDir) ? fs.readdirSync(mailDir) : []);
    const launched = await this.campaigns.launch(SYSTEM_ACTOR, campaign.id);
    say(`Launched: ${launched.invited} surveys for ${launched.emailsQueued} people`);
    await this.dispatcher.drain();
    const tokens: string[] = [];
    for (const file of fs
      .readdirSync(mailDir)
      .filter((name) => name.endsWith('.eml') && !before.has(name))) {
      const mail = await readEmlFile(path.join(mailDir, file));
      tokens.push(
        ...[...(mail.text ?? '').matchAll(/\/s\/([A-Za-z0-9_-]{32})/g)].map((m) => m[1] ?? ''),
      );
    }
    const links = [...new Set(tokens)];

    const itemIds = this.questionnaires
      .get(QUESTIONNAIRE)
      .dimensions.flatMap((d) => d.items.map((i) => i.id));
    const next = random(links.length);
    let answered = 0;
    for (const [index, token] of links.entries()) {
      if (next() < RESPONSE_RATE) {
        const leaning = 2.5 + next() * 2; // each rater has their own view
        const form: Record<string, string> = { action: 'submit' };
        for (const id of itemIds) {
          const value = Math.round(leaning + (next() - 0.5) * 2);
          form[`item-${id}`] = next() < 0.05 ? 'na' : String(Math.min(5, Math.max(1, value)));
        }
        if (next() < 0.3) {
          form['open-strengths'] =
            [
              'Lyssnar och finns till hands.',
              'Tydlig med mål och förväntningar.',
              'Ger beröm när det behövs.',
            ][Math.floor(next() * 3)] ?? '';
        }
        if (next() < 0.3) {
          form['open-develop'] =
            ['Mer tid för varje medarbetare.', 'Följ upp målen oftare.', 'Delegera mer.'][
              Math.floor(next() * 3)
            ] ?? '';
        }
        const outcome = await this.survey.post(token, form);
        answered += outcome.kind === 'submitted' ? 1 : 0;
      }
      bar('Answering surveys', index + 1, links.length);
    }
    say(`Answered: ${answered} of ${links.length} surveys`);

    const { reports } = await this.campaigns.close(SYSTEM_ACTOR, campaign.id);
    const sent = await this.dispatcher.drain();
    const reportDir = path.join(this.config.varDir, 'reports', campaign.id);
    fs.mkdirSync(reportDir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
    // a few at a time: the PDFs render on one thread per core
    let nextSubject = 0;
    let written = 0;
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
        written += 1;
        bar('Writing PDF reports', written, campaign.subjects.length);
      }
    };
    await Promise.all(Array.from({ length: 4 }, writeReports));
    const summary = await this.reports.summary(SYSTEM_ACTOR, campaign.id);
    const shown = summary.managers.filter((m) =>
      Object.values(m.dimensions).some((d) => d !== null),
    ).length;
    say('');
    say(
      `Done. ${reports} reports (${shown} with others' figures; the rest had fewer than 3 answers besides their own).`,
    );
    say(`  PDF reports:   ${path.relative(process.cwd(), reportDir)}/`);
    say(
      `  E-mails:       ${path.relative(process.cwd(), mailDir)}/ (${sent} report e-mails with the PDF attached, plus the invitations)`,
    );
    say(`  Campaign id:   ${campaign.id}`);
    say(`  See it in the API: npm start, then GET /api/v1/campaigns/${campaign.id}/summary`);
  }
}
