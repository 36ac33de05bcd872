import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { chunks, HotRead, insertMany, rawQuery, rawReturning } from '@ledarspegel/core';
import { PeopleRepository } from '@ledarspegel/people';
import { AssignmentToken } from './assignment-token.entity';
import { Assignment } from './assignment.entity';
import { countByCampaign, RaterCount } from './campaign-subject.repository';
import type { DerivedRater } from './rater-derivation';
import type { Relationship } from './relationship';

/** Invited and answered per subject (and relationship): counts only, never who. */
export interface SubjectCounts {
  subjectId: string;
  invited: number;
  responded: number;
}

export interface GroupCounts extends SubjectCounts {
  relationship: Relationship;
}

/** What one survey link leads to, read in one query on every survey page. */
export interface SurveyLink {
  assignment: { id: string; relationship: Relationship; answered: boolean };
  campaign: {
    id: string;
    name: string;
    status: string;
    anonymityThreshold: number;
    showManagerSeparately: boolean;
    closesAt: Date | null;
    questionnaireKey: string;
    questionnaireVersion: number;
  };
  subject: { id: string; name: string };
  rater: { name: string; locale: string };
  /** raters of the same group for the same subject, frozen at launch */
  invitedInGroup: number;
}

export interface UnnamedSurveyLink extends Omit<SurveyLink, 'subject' | 'rater'> {
  subject: { id: string };
  rater: { id: string };
}

interface SurveyLinkRow {
  assignment_id: string;
  relationship: Relationship;
  answered: boolean | number;
  subject_id: string;
  rater_id: string;
  campaign_id: string;
  campaign_name: string;
  status: string;
  anonymity_threshold: number;
  show_manager_separately: boolean | number;
  closes_at: Date | string | null;
  questionnaire_key: string;
  questionnaire_version: number;
  invited_in_group: number | string;
}

// The survey's hot path (every GET and POST of a link): one statement over this lib's tables; the
// two names come from the people lib (one more statement).
const SURVEY_LINK = new HotRead<SurveyLinkRow>(
  `SELECT a.id AS assignment_id, a.relationship, a.answered, a.subject_id, a.rater_id,
    c.id AS campaign_id, c.name AS campaign_name, c.status, c.anonymity_threshold,
    c.show_manager_separately, c.closes_at, c.questionnaire_key, c.questionnaire_version,
    (SELECT COUNT(*) FROM assignment g WHERE g.campaign_id = a.campaign_id AND g.subject_id = a.subject_id
      AND g.relationship = a.relationship) AS invited_in_group
  FROM assignment_token t
  JOIN assignment a ON a.id = t.assignment_id
  JOIN campaign c ON c.id = a.campaign_id
  WHERE t.token_hash = :hash`,
);

/**
 * Spends the links that are unspent and whose campaign is still open: of two submits of one
 * link, however close, exactly one changes the row.
 *
 * On PostgreSQL a submit runs beside a close. Without the lock it could read the campaign as
 * open while the close (which changes that row first) is under way, and store an answer the
 * close neither reports nor seals. `FOR SHARE` makes it wait for the closing transaction and
 * read the campaign again: once closed, nothing is spent. SQLite has one writer at a time.
 */
const spend = (lock: '' | ' FOR SHARE') =>
  `UPDATE "assignment" SET "answered" = :yes WHERE "id" IN (:...ids) AND "answered" = :no
  AND "campaign_id" IN (SELECT "id" FROM "campaign" WHERE "status" = 'open'${lock})
  RETURNING "id"`;
const SPEND = spend('');
const SPEND_POSTGRES = spend(' FOR SHARE');

const UNANSWERED_OF = `SELECT "id", "subject_id" AS "subjectId", "relationship" FROM "assignment"
  WHERE "campaign_id" = :campaignId AND "rater_id" = :raterId AND "answered" = :no`;

/** SQLite returns datetimes as UTC text, PostgreSQL as Date. */
function toDate(value: Date | string | null): Date | null {
  if (value === null || value instanceof Date) {
    return value;
  }
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}

/**
 * One rater asked about one subject (`assignment`), and the hashes of its links
 * (`assignment_token`). While the campaign is open an assignment knows whether it was answered;
 * only counts leave this class. Reads take the transaction they belong to, if any, last; writes
 * take it first.
 */
@Injectable()
export class AssignmentRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
  ) {}

  async insertAll(
    tx: EntityManager,
    campaignId: string,
    raters: readonly DerivedRater[],
  ): Promise<void> {
    await insertMany(
      tx,
      Assignment,
      raters.map((rater) => ({ campaignId, ...rater, answered: false })),
    );
  }

  /**
   * Whom this person was asked to rate, as counts per campaign and relationship: never whether
   * they answered (HR must not learn that from an extract).
   */
  async raterCountsOf(personId: string): Promise<RaterCount[]> {
    const rows = await this.dataSource.manager.find(Assignment, {
      where: { raterId: personId },
      select: ['campaignId', 'relationship'],
    });
    return countByCampaign(rows);
  }

  /** Removes the campaigns' assignments and their survey links' hashes; how many assignments. */
  async deleteForCampaigns(tx: EntityManager, campaignIds: readonly string[]): Promise<number> {
    let removed = 0;
    for (const chunk of chunks(campaignIds)) {
      const ids = (
        await tx.find(Assignment, { where: { campaignId: In(chunk) }, select: ['id'] })
      ).map(({ id }) => id);
      for (const idChunk of chunks(ids)) {
        await tx.delete(AssignmentToken, { assignmentId: In(idChunk) });
        removed += (await tx.delete(Assignment, { id: In(idChunk) })).affected ?? 0;
      }
    }
    return removed;
  }

  count(campaignId: string, tx = this.dataSource.manager): Promise<number> {
    return tx.countBy(Assignment, { campaignId });
  }

  async raterCount(campaignId: string, tx = this.dataSource.manager): Promise<number> {
    const raters = await tx
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .select('COUNT(DISTINCT a.raterId)', 'count')
      .where('a.campaignId = :id', { id: campaignId })
      .getRawOne<{ count: string | number }>();
    return Number(raters?.count ?? 0);
  }

  /** Who rates whom, as frozen at launch. */
  frozen(campaignId: string): Promise<DerivedRater[]> {
    return this.dataSource.getRepository(Assignment).find({
      where: { campaignId },
      select: ['subjectId', 'raterId', 'relationship'],
    });
  }

  /** While open, the assignments know who answered; only the counts leave this method. */
  async countsBySubject(campaignId: string): Promise<SubjectCounts[]> {
    const rows = await this.dataSource
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .select('a.subjectId', 'subjectId')
      .addSelect('COUNT(*)', 'invited')
      .addSelect('SUM(CASE WHEN a.answered THEN 1 ELSE 0 END)', 'responded')
      .where('a.campaignId = :id', { id: campaignId })
      .groupBy('a.subjectId')
      .getRawMany<RawCounts>();
    return rows.map(counts);
  }

  /** The same per subject and relationship: what the tallies keep at close. */
  async countsByGroup(tx: EntityManager, campaignId: string): Promise<GroupCounts[]> {
    const rows = await tx
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .select('a.subjectId', 'subjectId')
      .addSelect('a.relationship', 'relationship')
      .addSelect('COUNT(*)', 'invited')
      .addSelect('SUM(CASE WHEN a.answered THEN 1 ELSE 0 END)', 'responded')
      .where('a.campaignId = :id', { id: campaignId })
      .groupBy('a.subjectId')
      .addGroupBy('a.relationship')
      .getRawMany<RawCounts & { relationship: Relationship }>();
    return rows.map((row) => ({ ...counts(row), relationship: row.relationship }));
  }

  /**
   * Every assignment of the campaign rewritten as unanswered, answered or not: on PostgreSQL
   * each gets a new version with this transaction's id, so none keeps the `xmin` of the submit
   * that spent it.
   */
  async forgetAnswered(tx: EntityManager, campaignId: string): Promise<void> {
    await tx.update(Assignment, { campaignId }, { answered: false });
  }

  async unansweredRaterIds(tx: EntityManager, campaignId: string): Promise<string[]> {
    const rows = await tx
      .getRepository(Assignment)
      .createQueryBuilder('a')
      .select('DISTINCT a.raterId', 'raterId')
      .where('a.campaignId = :id AND a.answered = :answered', { id: campaignId, answered: false })
      .getRawMany<{ raterId: string }>();
    return rows.map(({ raterId }) => raterId);
  }

  unansweredOf(
    tx: EntityManager,
    campaignId: string,
    raterId: string,
  ): Promise<Pick<Assignment, 'id' | 'subjectId' | 'relationship'>[]> {
    return rawQuery(tx, UNANSWERED_OF, { campaignId, raterId, no: false });
  }

  /** Those of `assignmentIds` that belong to the campaign. */
  async ofCampaign(
    tx: EntityManager,
    campaignId: string,
    assignmentIds: readonly string[],
  ): Promise<string[]> {
    const found: string[] = [];
    for (const chunk of chunks(assignmentIds)) {
      const rows = await tx.find(Assignment, {
        where: { campaignId, id: In(chunk) },
        select: ['id'],
      });
      found.push(...rows.map(({ id }) => id));
    }
    return found;
  }

  /** Only the hashes: a link works from the e-mail alone. */
  async addTokens(
    tx: EntityManager,
    tokens: readonly { tokenHash: string; assignmentId: string }[],
  ): Promise<void> {
    await insertMany(tx, AssignmentToken, tokens);
  }

  /** A survey link with both people's names (the survey page shows them). */
  async surveyLink(tokenHash: string): Promise<SurveyLink | null> {
    const link = await this.surveyLinkUnnamed(tokenHash);
    return link && this.named(link);
  }

  /**
   * A survey link without the names: all a submit needs (one statement; the names cost a second
   * one, and a submitted form is not shown again).
   */
  async surveyLinkUnnamed(tokenHash: string): Promise<UnnamedSurveyLink | null> {
    const [row] = await SURVEY_LINK.all(this.dataSource.manager, { hash: tokenHash });
    if (!row) {
      return null;
    }
    return {
      assignment: {
        id: row.assignment_id,
        relationship: row.relationship,
        answered: Boolean(row.answered),
      },
      campaign: {
        id: row.campaign_id,
        name: row.campaign_name,
        status: row.status,
        anonymityThreshold: Number(row.anonymity_threshold),
        showManagerSeparately: Boolean(row.show_manager_separately),
        closesAt: toDate(row.closes_at),
        questionnaireKey: row.questionnaire_key,
        questionnaireVersion: Number(row.questionnaire_version),
      },
      subject: { id: row.subject_id },
      rater: { id: row.rater_id },
      invitedInGroup: Number(row.invited_in_group),
    };
  }

  /** The link with the subject's and the rater's names and the rater's language. */
  async named(link: UnnamedSurveyLink): Promise<SurveyLink> {
    // one read for both (a self-assessment is one person)
    const people = await this.people.briefsOf(link.subject.id, link.rater.id);
    const subject = people.get(link.subject.id);
    const rater = people.get(link.rater.id);
    return {
      ...link,
      subject: { id: link.subject.id, name: subject?.name ?? '' },
      rater: { name: rater?.name ?? '', locale: rater?.locale ?? 'sv' },
    };
  }

  /**
   * Marks the assignments answered that were not and whose campaign is open (one statement for
   * a batch of submits); the ids it marked.
   */
  async spendAssignments(tx: EntityManager, ids: readonly string[]): Promise<Set<string>> {
    const spent = new Set<string>();
    for (const chunk of chunks([...new Set(ids)])) {
      const statement = tx.connection.options.type === 'postgres' ? SPEND_POSTGRES : SPEND;
      const rows = await rawReturning<{ id: string }>(tx, statement, {
        yes: true,
        no: false,
        ids: chunk,
      });
      rows.forEach(({ id }) => spent.add(id));
    }
    return spent;
  }
}

interface RawCounts {
  subjectId: string;
  invited: string | number;
  responded: string | number | null;
}

function counts(row: RawCounts): SubjectCounts {
  return {
    subjectId: row.subjectId,
    invited: Number(row.invited),
    responded: Number(row.responded ?? 0),
  };
}
