import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Assignment } from './assignment.entity';

/**
 * The SHA-256 of a survey link's token. Tokens are minted when the e-mail carrying them is
 * sent (the invitation, later a reminder), so an assignment may have several valid links.
 */
@Entity('assignment_token')
export class AssignmentToken {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Index('IDX_assignment_token_assignment')
  @Column({ name: 'assignment_id', type: 'uuid' })
  assignmentId!: string;

  @ManyToOne(() => Assignment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assignment_id' })
  assignment?: Assignment;
}
