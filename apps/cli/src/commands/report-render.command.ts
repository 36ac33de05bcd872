import fs from 'node:fs';
import path from 'node:path';
import { Command, CommandRunner, Option } from 'nest-commander';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';
import { DomainError, PRIVATE_DIRECTORY_MODE, PRIVATE_FILE_MODE } from '@ledarspegel/core';
import { ReportsService } from '@ledarspegel/reports';

interface RenderOptions {
  out?: string;
  lang?: string;
}

@Command({
  name: 'report:render',
  arguments: '<campaignId> <employeeId>',
  description: "Write a manager's report as PDF",
})
export class ReportRenderCommand extends CommandRunner {
  constructor(private readonly reports: ReportsService) {
    super();
  }

  async run([campaignId, employeeId]: string[], options: RenderOptions): Promise<void> {
    if (!campaignId || !employeeId || !options.out) {
      throw new DomainError(
        'bad_request',
        'usage: report:render CAMPAIGN_ID EMPLOYEE_ID --out FILE.pdf [--lang sv|en]',
      );
    }
    if (options.lang !== undefined && options.lang !== 'sv' && options.lang !== 'en') {
      throw new DomainError('bad_request', `--lang '${options.lang}' is not sv or en`);
    }
    const pdf = await this.reports.pdf(SYSTEM_ACTOR, campaignId, employeeId, options.lang);
    fs.mkdirSync(path.dirname(path.resolve(options.out)), {
      recursive: true,
      mode: PRIVATE_DIRECTORY_MODE,
    });
    fs.writeFileSync(options.out, pdf, { mode: PRIVATE_FILE_MODE });
    process.stdout.write(`Wrote ${options.out} (${Math.round(pdf.length / 1024)} kB)\n`);
  }

  @Option({ flags: '--out <file>', description: 'where to write the PDF' })
  parseOut(value: string): string {
    return value;
  }

  @Option({ flags: '--lang <language>', description: "sv or en (default: the manager's language)" })
  parseLang(value: string): string {
    return value;
  }
}
