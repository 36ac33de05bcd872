import fs from 'node:fs';
import { Command, CommandRunner } from 'nest-commander';
import { DomainError, FieldError } from '@ledarspegel/core';
import { PeopleService } from '@ledarspegel/people';
import { SYSTEM_ACTOR } from '@ledarspegel/auth';

@Command({
  name: 'people:import',
  arguments: '<file>',
  description: 'Import the organisation from a CSV file (all or nothing)',
})
export class PeopleImportCommand extends CommandRunner {
  constructor(private readonly people: PeopleService) {
    super();
  }

  async run([file]: string[]): Promise<void> {
    if (!file) {
      throw new DomainError('bad_request', 'usage: people:import FILE.csv');
    }
    let csv: Buffer;
    try {
      csv = fs.readFileSync(file);
    } catch (error) {
      throw new DomainError('not_found', `cannot read ${file}: ${(error as Error).message}`);
    }
    try {
      const result = await this.people.importCsv(SYSTEM_ACTOR, csv);
      process.stdout.write(
        `Imported ${file}: ${result.created} created, ${result.updated} updated, ` +
          `${result.unchanged} unchanged, ${result.deactivated} deactivated\n`,
      );
    } catch (error) {
      // The one-line reason goes to stderr via main; the row-by-row list helps fix the file.
      if (error instanceof DomainError && Array.isArray(error.details)) {
        for (const detail of error.details as FieldError[]) {
          process.stderr.write(`  row ${detail.row ?? '-'}, ${detail.field}: ${detail.message}\n`);
        }
      }
      throw error;
    }
  }
}
