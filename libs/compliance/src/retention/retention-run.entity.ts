import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One run of the retention job: when, with which periods, and what it removed (counts only). */
@Entity('retention_run')
@Index('IDX_retention_run_ran_at', ['ranAt'])
export class RetentionRun {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'ran_at', type: Date })
  ranAt!: Date;

  @Column({ name: 'reports_months', type: 'integer', nullable: true })
  reportsMonths!: number | null;

  @Column({ name: 'inactive_people_months', type: 'integer', nullable: true })
  inactivePeopleMonths!: number | null;

  @Column({ name: 'campaigns_disposed', type: 'integer' })
  campaignsDisposed!: number;

  @Column({ name: 'reports_removed', type: 'integer' })
  reportsRemoved!: number;

  @Column({ name: 'responses_removed', type: 'integer' })
  responsesRemoved!: number;

  @Column({ name: 'messages_removed', type: 'integer' })
  messagesRemoved!: number;

  @Column({ name: 'assignments_removed', type: 'integer' })
  assignmentsRemoved!: number;

  @Column({ name: 'plans_removed', type: 'integer', default: 0 })
  plansRemoved!: number;

  @Column({ name: 'nominations_removed', type: 'integer', default: 0 })
  nominationsRemoved!: number;

  @Column({ name: 'people_anonymised', type: 'integer' })
  peopleAnonymised!: number;
}
