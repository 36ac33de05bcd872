import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { chunks } from '@ledarspegel/core';
import { Person } from '@ledarspegel/people';

/**
 * The people that campaigns, responses and reports read: by id, by employee id, the managers,
 * the organisation chart. The `person` table is the people lib's; these reads move to its
 * repository (issue 11, item 2) once it has one, and until then they are here and in two joins
 * written beside it (the survey link, a closed campaign's subjects), nowhere else.
 *
 * Reads take the transaction they belong to, if any, last; writes take it first.
 */
@Injectable()
export class PeopleDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byIds(ids: readonly string[], tx = this.dataSource.manager): Promise<Person[]> {
    const people: Person[] = [];
    for (const chunk of chunks([...new Set(ids)])) {
      people.push(...(await tx.findBy(Person, { id: In(chunk) })));
    }
    return people;
  }

  byId(id: string, tx = this.dataSource.manager): Promise<Person | null> {
    return tx.findOneBy(Person, { id });
  }

  byEmployeeId(employeeId: string, tx = this.dataSource.manager): Promise<Person | null> {
    return tx.findOneBy(Person, { employeeId });
  }

  async activeByEmployeeIds(employeeIds: readonly string[], tx: EntityManager): Promise<Person[]> {
    const found: Person[] = [];
    for (const chunk of chunks(employeeIds)) {
      found.push(...(await tx.findBy(Person, { employeeId: In(chunk), active: true })));
    }
    return found;
  }

  /** Everyone active with at least one active direct report; in `unit` only, if given. */
  activeManagers(tx: EntityManager, unit?: string): Promise<Person[]> {
    const builder = tx
      .getRepository(Person)
      .createQueryBuilder('person')
      .where('person.active = :active', { active: true })
      .andWhere(
        'EXISTS (SELECT 1 FROM person report WHERE report.manager_employee_id = person.employee_id AND report.active = :active)',
      );
    if (unit) {
      builder.andWhere('person.unit = :unit', { unit });
    }
    return builder.getMany();
  }

  /** Everyone, with what rater derivation reads. */
  organisationChart(tx: EntityManager): Promise<Person[]> {
    return tx.find(Person, {
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
}
