import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { assertMayChange, assertMayRead, recordAudit, type ServiceActor } from '@ledarspegel/auth';
import { Clock, CLOCK, DomainError, transaction } from '@ledarspegel/core';
import { parsePeopleCsv } from './people-csv';
import type { PersonRecord } from './people-csv-format';
import { ChangedField, changedFields, ExistingPerson, planImport } from './people-import';
import { PeopleRepository, PersonFields, PersonSummary } from './people.repository';
import {
  ImportResultDto,
  ListPeopleQueryDto,
  PeoplePageResponseDto,
  PersonDetailResponseDto,
  toPersonResponse,
} from './person.dto';

/** What an import would do, person by person. */
export interface ImportPreview {
  created: PersonSummary[];
  updated: (PersonSummary & { changes: ChangedField[] })[];
  deactivated: PersonSummary[];
  unchanged: number;
}

function fields(record: PersonRecord): PersonFields {
  return {
    name: record.name,
    email: record.email,
    managerEmployeeId: record.managerEmployeeId,
    unit: record.unit,
    locale: record.locale,
    active: true,
  };
}

@Injectable()
export class PeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Imports the whole organisation from CSV, all or nothing: any error rejects the file with
   * every error by row and field, and nothing is written. People missing from the file are
   * marked inactive, never deleted.
   */
  async importCsv(actor: ServiceActor, csv: unknown): Promise<ImportResultDto> {
    assertMayChange(actor);
    const people = this.parse(csv);
    return transaction(this.dataSource, async (tx) => {
      const plan = planImport(await this.people.everyoneForImport(tx), people);
      await this.people.insert(
        tx,
        plan.create.map((record) => ({ employeeId: record.employeeId, ...fields(record) })),
      );
      for (const { id, record } of plan.update) {
        await this.people.update(tx, id, fields(record));
      }
      await this.people.deactivate(tx, plan.deactivate, this.clock.now());
      await recordAudit(tx, actor, 'people.imported', 'people');
      return {
        created: plan.create.length,
        updated: plan.update.length,
        unchanged: plan.unchanged,
        deactivated: plan.deactivate.length,
      };
    });
  }

  /**
   * What importing this file would change, without changing anything; the same errors. The
   * first step of an import, so only for those who may import (not a reader).
   */
  async previewCsv(actor: ServiceActor, csv: unknown): Promise<ImportPreview> {
    assertMayChange(actor);
    const people = this.parse(csv);
    const existing = await this.people.everyoneForImport();
    const plan = planImport(existing, people);
    const byId = new Map(existing.map((person) => [person.id, person]));
    const summary = (p: PersonSummary): PersonSummary => ({
      employeeId: p.employeeId,
      name: p.name,
      unit: p.unit,
    });
    return {
      created: plan.create.map(summary),
      updated: plan.update.map(({ id, record }) => ({
        ...summary(record),
        changes: changedFields(byId.get(id) as ExistingPerson, record),
      })),
      deactivated: plan.deactivate.map((id) => summary(byId.get(id) as ExistingPerson)),
      unchanged: plan.unchanged,
    };
  }

  private parse(csv: unknown): PersonRecord[] {
    if (typeof csv !== 'string' && !Buffer.isBuffer(csv)) {
      throw new DomainError('unsupported_media_type', 'Send the people file as text/csv.');
    }
    const { people, errors } = parsePeopleCsv(csv);
    if (errors.length > 0) {
      const noun = errors.length === 1 ? 'error' : 'errors';
      throw new DomainError(
        'invalid',
        `The file has ${errors.length} ${noun}; nothing was imported.`,
        errors.map(({ row, field, code, message }) => ({ row, field, code, message })),
      );
    }
    return people;
  }

  async list(actor: ServiceActor, query: ListPeopleQueryDto): Promise<PeoplePageResponseDto> {
    assertMayRead(actor);
    const [items, total] = await this.people.search(query);
    return {
      items: items.map(toPersonResponse),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(actor: ServiceActor, employeeId: string): Promise<PersonDetailResponseDto> {
    assertMayRead(actor);
    const person = await this.people.findByEmployeeId(employeeId);
    if (!person) {
      throw new DomainError('not_found', `No person with employee id '${employeeId}'.`);
    }
    return {
      ...toPersonResponse(person),
      directReports: await this.people.activeReportsOf(employeeId),
    };
  }
}
