import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Assignment } from '@ledarspegel/campaigns';

/**
 * Saved, unsubmitted answers. Tied to the assignment (the rater must get them back), kept apart
 * from responses, and deleted in the transaction that submits.
 */
@Entity('draft')
export class Draft {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @Column({ type: 'text' })
  answers!: string;

  @Column({ type: 'text' })
  comments!: string;

  @OneToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: Assignment;
}
