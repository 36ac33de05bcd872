import { Command, CommandRunner, Option } from 'nest-commander';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';
import { CampaignsService } from '@ledarspegel/campaigns';
import { DomainError } from '@ledarspegel/core';

interface CreateOptions {
  name?: string;
  questionnaire?: string;
  unit?: string;
  closesAt?: string;
}

@Command({
  name: 'campaign:create',
  description: 'Create a draft campaign (all managers, or the managers of --unit); prints its id',
})
export class CampaignCreateCommand extends CommandRunner {
  constructor(private readonly campaigns: CampaignsService) {
    super();
  }

  async run(_parameters: string[], options: CreateOptions): Promise<void> {
    if (!options.name || !options.questionnaire) {
      throw new DomainError(
        'bad_request',
        'usage: campaign:create --name N --questionnaire KEY [--unit U] [--closes-at ISO]',
      );
    }
    const closesAt = options.closesAt;
    if (closesAt !== undefined && Number.isNaN(Date.parse(closesAt))) {
      throw new DomainError(
        'bad_request',
        `--closes-at '${closesAt}' is not a date; use e.g. 2026-12-15T16:00:00Z`,
      );
    }
    const campaign = await this.campaigns.create(SYSTEM_ACTOR, {
      name: options.name,
      questionnaireKey: options.questionnaire,
      subjects: options.unit ? { unit: options.unit } : { allManagers: true },
      closesAt: closesAt === undefined ? undefined : new Date(closesAt).toISOString(),
    });
    process.stdout.write(`${campaign.id}\n`);
  }

  @Option({ flags: '--name <name>', description: 'campaign name' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--questionnaire <key>', description: 'huddinge-ledarskap or kalix-ledarplan' })
  parseQuestionnaire(value: string): string {
    return value;
  }

  @Option({ flags: '--unit <unit>', description: 'only the managers in this unit' })
  parseUnit(value: string): string {
    return value;
  }

  @Option({ flags: '--closes-at <iso>', description: 'when the survey closes by itself' })
  parseClosesAt(value: string): string {
    return value;
  }
}

@Command({
  name: 'campaign:launch',
  arguments: '<id>',
  description: 'Launch a campaign: links and invitations',
})
export class CampaignLaunchCommand extends CommandRunner {
  constructor(private readonly campaigns: CampaignsService) {
    super();
  }

  async run([id]: string[]): Promise<void> {
    const result = await this.campaigns.launch(SYSTEM_ACTOR, id ?? '');
    process.stdout.write(
      `Launched: ${result.invited} assignments, ${result.emailsQueued} invitations queued\n`,
    );
  }
}

@Command({
  name: 'campaign:progress',
  arguments: '<id>',
  description: 'Response rates of a campaign',
})
export class CampaignProgressCommand extends CommandRunner {
  constructor(private readonly campaigns: CampaignsService) {
    super();
  }

  async run([id]: string[]): Promise<void> {
    const progress = await this.campaigns.progress(SYSTEM_ACTOR, id ?? '');
    const rate = (responded: number, invited: number) =>
      invited === 0 ? '-' : `${Math.round((responded / invited) * 100)} %`;
    const lines = [
      `Responded: ${progress.responded} of ${progress.invited} (${rate(progress.responded, progress.invited)})`,
      ...progress.bySubject.map(
        (s) => `  ${s.name} (${s.employeeId}): ${s.responded} of ${s.invited}`,
      ),
      `Mail: ${progress.mail.sent} sent, ${progress.mail.pending} pending, ${progress.mail.failed} failed`,
      ...progress.mail.failures.map((f) => `  failed: ${f.to}: ${f.error ?? ''}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  }
}

@Command({ name: 'campaign:close', arguments: '<id>', description: 'Close a campaign now' })
export class CampaignCloseCommand extends CommandRunner {
  constructor(private readonly campaigns: CampaignsService) {
    super();
  }

  async run([id]: string[]): Promise<void> {
    const { reports } = await this.campaigns.close(SYSTEM_ACTOR, id ?? '');
    process.stdout.write(`Closed: ${reports} reports built, their e-mails queued\n`);
  }
}
