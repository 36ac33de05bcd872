import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import type { AdminActor } from '@ledarspegel/auth';
import { DomainError, transaction } from '@ledarspegel/core';
import { parsePeopleCsv, PersonRecord } from './people-csv';
import { ChangedField, changedFields, ExistingPerson, planImport } from './people-import';
import { Person } from './person.entity';
import {
  ImportResultDto,
  ListPeopleQueryDto,
  PeoplePageResponseDto,
  PersonDetailResponseDto,
  toPersonResponse,
} from './person.dto';

/** Rows per multi-row INSERT: well below SQLite's bound-parameter limit. */
const INSERT_CHUNK = 500;
const ID_CHUNK = 900;

const EXISTING_FIELDS: (keyof ExistingPerson)[] = [
  'id',
  'employeeId',
  'name',
  'email',
  'managerEmployeeId',
  'unit',
  'locale',
  'active',
];

interface PersonSummary {
  employeeId: string;
  name: string;
  unit: string;
}

/** What an import would do, person by person. */
export interface ImportPreview {
  created: PersonSummary[];
  updated: (PersonSummary & { changes: ChangedField[] })[];
  deactivated: PersonSummary[];
  unchanged: number;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < list.length; start += size) {
    result.push(list.slice(start, start + size));
  }
  return result;
}

function fields(record: PersonRecord): Omit<ExistingPerson, 'id' | 'employeeId'> {
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
    @InjectRepository(Person) private readonly people: Repository<Person>,
  ) {}

  /**
   * Imports the whole organisation from CSV, all or nothing: any error rejects the file with
   * every error by row and field, and nothing is written. People missing from the file are
   * marked inactive, never deleted.
   */
  async importCsv(_actor: AdminActor | null, csv: unknown): Promise<ImportResultDto> {
    const people = this.parse(csv);
    return transaction(this.dataSource, async (manager) => {
      const existing = await manager.getRepository(Person).find({ select: EXISTING_FIELDS });
      const plan = planImport(existing, people);
      await this.insert(manager, plan.create);
      for (const { id, record } of plan.update) {
        await manager.update(Person, { id }, fields(record));
      }
      for (const ids of chunks(plan.deactivate, ID_CHUNK)) {
        await manager.update(Person, { id: In(ids) }, { active: false });
      }
      return {
        created: plan.create.length,
        updated: plan.update.length,
        unchanged: plan.unchanged,
        deactivated: plan.deactivate.length,
      };
    });
  }

  /** What importing this file would change, without changing anything; the same errors. */
  async previewCsv(_actor: AdminActor | null, csv: unknown): Promise<ImportPreview> {
    const people = this.parse(csv);
    const existing = await this.people.find({ select: EXISTING_FIELDS });
    const plan = planImport(existing, people);
    const byId = new Map(existing.map((person) => [person.id, person]));
    const summary = (p: { employeeId: string; name: string; unit: string }) => ({
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

  async list(_actor: AdminActor, query: ListPeopleQueryDto): Promise<PeoplePageResponseDto> {
    const builder = this.people.createQueryBuilder('person');
    if (query.status !== 'all') {
      builder.andWhere('person.active = :active', { active: query.status === 'active' });
    }
    if (query.unit) {
      builder.andWhere('person.unit = :unit', { unit: query.unit });
    }
    if (query.q) {
      const pattern = `%${query.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      builder.andWhere(
        "(LOWER(person.name) LIKE :pattern ESCAPE '\\' OR LOWER(person.email) LIKE :pattern ESCAPE '\\' OR LOWER(person.employeeId) LIKE :pattern ESCAPE '\\')",
        { pattern },
      );
    }
    const [items, total] = await builder
      .orderBy('person.name', 'ASC')
      .addOrderBy('person.employeeId', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      items: items.map(toPersonResponse),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(_actor: AdminActor, employeeId: string): Promise<PersonDetailResponseDto> {
    const person = await this.people.findOneBy({ employeeId });
    if (!person) {
      throw new DomainError('not_found', `No person with employee id '${employeeId}'.`);
    }
    const reports = await this.people.find({
      select: ['employeeId'],
      where: { managerEmployeeId: employeeId, active: true },
      order: { employeeId: 'ASC' },
    });
    return { ...toPersonResponse(person), directReports: reports.map((r) => r.employeeId) };
  }

  private async insert(manager: EntityManager, records: readonly PersonRecord[]): Promise<void> {
    for (const chunk of chunks(records, INSERT_CHUNK)) {
      await manager.insert(
        Person,
        chunk.map((record) => ({ employeeId: record.employeeId, ...fields(record) })),
      );
    }
  }
}
