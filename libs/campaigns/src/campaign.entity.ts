import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CampaignStatus, NominationApprover, Relationship } from './relationship';

/** A feedback round on one questionnaire version, from draft through open to closed. */
@Entity('campaign')
export class Campaign {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ name: 'questionnaire_key', type: 'varchar', length: 64 })
  questionnaireKey!: string;

  /** Pinned at creation: later versions of the template do not change a running campaign. */
  @Column({ name: 'questionnaire_version', type: 'integer' })
  questionnaireVersion!: number;

  @Column({ type: 'varchar', length: 10, default: 'draft' })
  status!: CampaignStatus;

  /** k: no figure is shown from fewer answers. Frozen at launch. */
  @Column({ name: 'anonymity_threshold', type: 'integer' })
  anonymityThreshold!: number;

  @Column({ name: 'show_manager_separately', type: 'boolean', default: false })
  showManagerSeparately!: boolean;

  @Column({ name: 'rater_groups', type: 'simple-array' })
  raterGroups!: Relationship[];

  @Column({ name: 'closes_at', type: Date, nullable: true })
  closesAt!: Date | null;

  /** Days after launch on which raters with something unanswered are reminded. */
  @Column({ name: 'reminder_days', type: 'simple-array' })
  reminderDays!: string[];

  /** Reminder days already handled, so each reminder goes out once. */
  @Column({ name: 'reminders_sent', type: 'simple-array' })
  remindersSent!: string[];

  /**
   * Set when the subjects nominate their peers and others (issue 14): how many each must choose
   * and who approves. Null on a campaign where HR alone decides.
   */
  @Column({ name: 'nomination_min', type: 'integer', nullable: true })
  nominationMin!: number | null;

  @Column({ name: 'nomination_max', type: 'integer', nullable: true })
  nominationMax!: number | null;

  @Column({ name: 'nomination_approver', type: 'varchar', length: 8, nullable: true })
  nominationApprover!: NominationApprover | null;

  @CreateDateColumn({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'launched_at', type: Date, nullable: true })
  launchedAt!: Date | null;

  @Column({ name: 'closed_at', type: Date, nullable: true })
  closedAt!: Date | null;

  /**
   * When the storage was sealed after close (old row versions vacuumed, the SQLite WAL
   * emptied). Null on a closed campaign: the physical seal is still to do and is retried.
   */
  @Column({ name: 'sealed_at', type: Date, nullable: true })
  sealedAt!: Date | null;

  /**
   * When retention disposed of the campaign's reports, answers, e-mails and assignments; the
   * campaign itself and its response counts stay as the record that it took place.
   */
  @Column({ name: 'disposed_at', type: Date, nullable: true })
  disposedAt!: Date | null;
}
