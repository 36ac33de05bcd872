import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The retention periods HR set (one row, id 1). Null keeps that kind of data for ever. */
@Entity('retention_settings')
export class RetentionSettings {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  /** Months after a campaign closes that its reports and sealed answers are disposed of. */
  @Column({ name: 'reports_months', type: 'integer', nullable: true })
  reportsMonths!: number | null;

  /** Months after a person left (missing from an import) that they are anonymised. */
  @Column({ name: 'inactive_people_months', type: 'integer', nullable: true })
  inactivePeopleMonths!: number | null;

  @Column({ name: 'updated_at', type: Date, nullable: true })
  updatedAt!: Date | null;

  /** When a job last claimed the day's run: several workers share one database. */
  @Column({ name: 'run_claimed_at', type: Date, nullable: true })
  runClaimedAt!: Date | null;
}
