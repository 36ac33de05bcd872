import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { auditTarget, recordAudit, type ServiceActor } from '@ledarspegel/auth';
import { transaction } from '@ledarspegel/core';
import type { Questionnaire } from './questionnaire';
import type { QuestionnaireStore } from './questionnaire-registry';
import { QuestionnaireVersion } from './questionnaire-version.entity';

const parsed = (row: QuestionnaireVersion | null): Questionnaire | null =>
  row ? (JSON.parse(row.content) as Questionnaire) : null;

/** A primary key already taken: PostgreSQL's unique_violation, SQLite's constraint codes. */
function isKeyTaken(error: unknown): boolean {
  const codes = [
    (error as { code?: unknown } | null)?.code,
    (error as { driverError?: { code?: unknown } } | null)?.driverError?.code,
  ];
  return codes.some(
    (code) =>
      code === '23505' ||
      code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
      code === 'SQLITE_CONSTRAINT_UNIQUE',
  );
}

/** The saved versions of the organisation's own questionnaires; rows are only ever added. */
@Injectable()
export class QuestionnaireVersionRepository implements QuestionnaireStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repository() {
    return this.dataSource.getRepository(QuestionnaireVersion);
  }

  async version(key: string, version: number): Promise<Questionnaire | null> {
    return parsed(await this.repository.findOneBy({ key, version }));
  }

  async newest(key: string): Promise<Questionnaire | null> {
    return parsed(await this.repository.findOne({ where: { key }, order: { version: 'DESC' } }));
  }

  /** The newest version of each key. */
  async newestOfEach(): Promise<Questionnaire[]> {
    const rows = await this.repository
      .createQueryBuilder('q')
      .where('q.version = (SELECT MAX(v.version) FROM questionnaire_version v WHERE v.key = q.key)')
      .orderBy('q.key')
      .getMany();
    return rows.map((row) => JSON.parse(row.content) as Questionnaire);
  }

  /** Every version of one key, newest first, without their content. */
  history(key: string): Promise<Pick<QuestionnaireVersion, 'version' | 'createdAt'>[]> {
    return this.repository.find({
      select: { version: true, createdAt: true },
      where: { key },
      order: { version: 'DESC' },
    });
  }

  /**
   * Adds a version, and its audit entry in the same transaction; false when that key and
   * version were taken first (another save won).
   */
  async add(row: QuestionnaireVersion, actor: ServiceActor): Promise<boolean> {
    try {
      await transaction(this.dataSource, async (tx) => {
        await tx.getRepository(QuestionnaireVersion).insert(row);
        await recordAudit(
          tx,
          actor,
          'questionnaire.saved',
          auditTarget.questionnaire(row.key, row.version),
          row.createdAt,
        );
      });
      return true;
    } catch (error) {
      if (isKeyTaken(error)) {
        return false;
      }
      throw error;
    }
  }
}
