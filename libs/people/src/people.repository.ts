import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { chunks, HotRead, insertMany, rawQuery } from '@ledarspegel/core';
import { ExistingPerson } from './people-import';
import { ListPeopleQueryDto } from './person.dto';
import { Person } from './person.entity';

const BRIEFS = 'SELECT "id", "name", "locale" FROM "person" WHERE "id" IN (:...ids)';
const TWO_BRIEFS = new HotRead<{ id: string; name: string; locale: 'sv' | 'en' }>(
  'SELECT "id", "name", "locale" FROM "person" WHERE "id" IN (:first, :second)',
);

/** Ids per `IN (...)`. */
const ID_CHUNK = 500;

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

/** A person as a list names them. */
export interface PersonSummary {
  employeeId: string;
  name: string;
  unit: string;
}

/** A person in the organisation chart. */
export interface OrganisationMember extends PersonSummary {
  managerEmployeeId: string | null;
}

/** What an import writes about one person (the employee id is the key). */
export type PersonFields = Omit<ExistingPerson, 'id' | 'employeeId'>;

export type NewPerson = PersonFields & { employeeId: string };

/**
 * The one door to the `person` table; other libs ask here rather than query it. A method that
 * takes `tx` runs in the caller's transaction (another lib's too).
 */
@Injectable()
export class PeopleRepository {
  constructor(@InjectRepository(Person) private readonly people: Repository<Person>) {}

  /** The units of the active organisation, in order. */
  async units(): Promise<string[]> {
    const rows = await this.people
      .createQueryBuilder('p')
      .select('DISTINCT p.unit', 'unit')
      .where('p.active = :active', { active: true })
      .orderBy('p.unit')
      .getRawMany<{ unit: string }>();
    return rows.map((row) => row.unit);
  }

  /** Active people with at least one active direct report, by name; only of `unit` if given. */
  activeManagers(unit?: string, tx?: EntityManager): Promise<Person[]> {
    const builder = this.repository(tx)
      .createQueryBuilder('p')
      .where('p.active = :active', { active: true })
      .andWhere(
        'EXISTS (SELECT 1 FROM person r WHERE r.manager_employee_id = p.employee_id AND r.active = :active)',
      );
    if (unit !== undefined) {
      builder.andWhere('p.unit = :unit', { unit });
    }
    return builder.orderBy('p.name').addOrderBy('p.employeeId').getMany();
  }

  /** The unit of each of these people (active or not) that exists, by employee id. */
  async unitsOf(employeeIds: readonly string[]): Promise<Map<string, string>> {
    const units = new Map<string, string>();
    for (const chunk of chunks([...new Set(employeeIds)], ID_CHUNK)) {
      const people = await this.people.find({
        select: ['employeeId', 'unit'],
        where: { employeeId: In(chunk) },
      });
      for (const person of people) {
        units.set(person.employeeId, person.unit);
      }
    }
    return units;
  }

  /** Every active person with their manager, by name. */
  activeOrganisation(): Promise<OrganisationMember[]> {
    return this.people.find({
      select: ['employeeId', 'name', 'unit', 'managerEmployeeId'],
      where: { active: true },
      order: { name: 'ASC', employeeId: 'ASC' },
    });
  }

  /** One page of people by name, filtered by status, unit and a search in name, e-mail, id. */
  search(query: ListPeopleQueryDto): Promise<[Person[], number]> {
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
    return builder
      .orderBy('person.name', 'ASC')
      .addOrderBy('person.employeeId', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
  }

  findByEmployeeId(employeeId: string): Promise<Person | null> {
    return this.people.findOneBy({ employeeId });
  }

  /** The employee ids of a manager's active direct reports, in order. */
  async activeReportsOf(employeeId: string): Promise<string[]> {
    const reports = await this.people.find({
      select: ['employeeId'],
      where: { managerEmployeeId: employeeId, active: true },
      order: { employeeId: 'ASC' },
    });
    return reports.map((report) => report.employeeId);
  }

  /** Everyone, active or not, as an import compares them with a file. */
  everyoneForImport(tx?: EntityManager): Promise<ExistingPerson[]> {
    return this.repository(tx).find({ select: EXISTING_FIELDS });
  }

  async insert(tx: EntityManager, people: readonly NewPerson[]): Promise<void> {
    await insertMany(tx, Person, people);
  }

  /** A person in the file is active again: whoever comes back has not left. */
  async update(tx: EntityManager, id: string, fields: PersonFields): Promise<void> {
    await tx.update(Person, { id }, { ...fields, ...(fields.active ? { leftAt: null } : {}) });
  }

  /**
   * Marks people inactive, as having left `at`; nobody is deleted, so earlier campaigns keep
   * their history (retention anonymises them later).
   */
  async deactivate(tx: EntityManager, ids: readonly string[], at: Date): Promise<void> {
    for (const chunk of chunks(ids, ID_CHUNK)) {
      await tx.update(Person, { id: In(chunk) }, { active: false, leftAt: at });
    }
  }

  /**
   * People who left before `cutoff` and still carry their name. Someone inactive since before
   * `left_at` was recorded counts from their row's last change, when the import missed them.
   */
  leftBefore(cutoff: Date, tx?: EntityManager): Promise<Person[]> {
    return this.repository(tx)
      .createQueryBuilder('p')
      .where('p.active = :active', { active: false })
      .andWhere('p.anonymised_at IS NULL')
      .andWhere('COALESCE(p.left_at, p.updated_at) < :cutoff', { cutoff })
      .orderBy('p.employee_id')
      .getMany();
  }

  /**
   * Replaces what identifies a person (name, e-mail, employee id) with placeholders, keeping
   * the row's id so that campaigns and reports keep pointing at it; people who named them as
   * manager follow the new employee id.
   */
  async anonymise(
    tx: EntityManager,
    person: Pick<Person, 'id' | 'employeeId'>,
    placeholder: { employeeId: string; name: string; email: string },
    at: Date,
  ): Promise<void> {
    await tx.update(
      Person,
      { managerEmployeeId: person.employeeId },
      { managerEmployeeId: placeholder.employeeId },
    );
    await tx.update(Person, { id: person.id }, { ...placeholder, anonymisedAt: at });
  }

  async byIds(ids: readonly string[], tx?: EntityManager): Promise<Person[]> {
    const people: Person[] = [];
    for (const chunk of chunks([...new Set(ids)], ID_CHUNK)) {
      people.push(...(await this.repository(tx).findBy({ id: In(chunk) })));
    }
    return people;
  }

  /**
   * Name and language of a survey link's subject and rater (one person in a self-assessment):
   * the survey's hot path.
   */
  async briefsOf(
    first: string,
    second: string,
  ): Promise<Map<string, { name: string; locale: 'sv' | 'en' }>> {
    const rows = await TWO_BRIEFS.all(this.people.manager, { first, second });
    return new Map(rows.map(({ id, name, locale }) => [id, { name, locale }]));
  }

  /**
   * Name and language of a few people (an invitation's rater and subjects) in one prepared
   * statement, for the messages read most.
   */
  async briefs(
    ids: readonly string[],
    tx = this.people.manager,
  ): Promise<Map<string, { name: string; locale: 'sv' | 'en' }>> {
    const briefs = new Map<string, { name: string; locale: 'sv' | 'en' }>();
    for (const chunk of chunks([...new Set(ids)], ID_CHUNK)) {
      const rows = await rawQuery<{ id: string; name: string; locale: 'sv' | 'en' }[]>(tx, BRIEFS, {
        ids: chunk,
      });
      rows.forEach(({ id, name, locale }) => briefs.set(id, { name, locale }));
    }
    return briefs;
  }

  byId(id: string, tx?: EntityManager): Promise<Person | null> {
    return this.repository(tx).findOneBy({ id });
  }

  byEmployeeId(employeeId: string, tx?: EntityManager): Promise<Person | null> {
    return this.repository(tx).findOneBy({ employeeId });
  }

  async activeByEmployeeIds(employeeIds: readonly string[], tx?: EntityManager): Promise<Person[]> {
    const found: Person[] = [];
    for (const chunk of chunks(employeeIds, ID_CHUNK)) {
      found.push(...(await this.repository(tx).findBy({ employeeId: In(chunk), active: true })));
    }
    return found;
  }

  /** Everyone, with what rater derivation reads. */
  organisationChart(tx?: EntityManager): Promise<Person[]> {
    return this.repository(tx).find({
      select: [
        'id',
        'employeeId',
        'name',
        'email',
        'managerEmployeeId',
        'active',
        'locale',
        'unit',
      ],
    });
  }

  private repository(tx?: EntityManager): Repository<Person> {
    return tx ? tx.getRepository(Person) : this.people;
  }
}
