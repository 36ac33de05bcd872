import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * One person of the organisation as the HR system last described them. The manager is kept as
 * the manager's employee id (the key HR uses); import checks that it names an active person.
 * People who leave are marked inactive, never deleted, so earlier campaigns keep their history;
 * after the retention period they are anonymised in place.
 */
@Entity('person')
export class Person {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('UQ_person_employee_id', { unique: true })
  @Column({ name: 'employee_id', type: 'varchar', length: 64 })
  employeeId!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Index('IDX_person_email')
  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Index('IDX_person_manager_employee_id')
  @Column({ name: 'manager_employee_id', type: 'varchar', length: 64, nullable: true })
  managerEmployeeId!: string | null;

  @Index('IDX_person_unit')
  @Column({ type: 'varchar', length: 200 })
  unit!: string;

  @Column({ type: 'varchar', length: 2 })
  locale!: 'sv' | 'en';

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** When an import first missed them (they left); null while active. Retention counts from it. */
  @Column({ name: 'left_at', type: Date, nullable: true })
  leftAt!: Date | null;

  /**
   * When name, e-mail and employee id were replaced by placeholders (retention, or HR on
   * request); the row and its id stay so that reports and campaigns keep their shape.
   */
  @Column({ name: 'anonymised_at', type: Date, nullable: true })
  anonymisedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at' })
  updatedAt!: Date;
}
