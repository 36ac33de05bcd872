import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One saved version of a questionnaire of the organisation's own, in the seeds' JSON format.
 * A row is written once and never changed nor deleted: every save is a new version, and a
 * campaign names the version it asks (so each process may cache a version for ever).
 */
@Entity('questionnaire_version')
export class QuestionnaireVersion {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  /** the canonical JSON (canonicalQuestionnaire), exactly what GET and an export return */
  @Column({ type: 'text' })
  content!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
