/**
 * One subject's report from its stored rows, as stored: the step of a close that is pure CPU
 * (parsing the answers, disclosure control, the audit, the insights), run on the assembly
 * threads. Nothing here may import a lib's index but the pure anonymity lib: those bring Nest
 * into every thread.
 */
import {
  NAMED_GROUPS,
  type NamedGroup,
  type SealDecision,
  sealDecision,
  sealedRow,
} from '@ledarspegel/anonymity';
import type { AnswerValue, QuestionnaireShape, ResponseInput } from '../aggregation';
import { assembleReport } from '../assemble-report';
import type { PreviousPlan, PreviousReport } from '../insights';
import type { ReportHeading } from '../report-content';

/** A stored response row as the close reads it: JSON text, its group (null: pooled). */
export interface AssemblyRow {
  group: string | null;
  answers: string;
  comments: string;
}

export interface AssemblyJob {
  heading: ReportHeading;
  tallies: Readonly<Record<NamedGroup, { invited: number; responded: number }>>;
  rows: readonly AssemblyRow[];
  previous: PreviousReport | null;
  plan?: PreviousPlan | null;
}

/** What every report of one close shares. */
export interface AssemblySettings {
  threshold: number;
  showManagerSeparately: boolean;
  questionnaire: QuestionnaireShape;
}

function responseOf(row: AssemblyRow): ResponseInput {
  return {
    group: (NAMED_GROUPS as readonly string[]).includes(row.group ?? '')
      ? (row.group as NamedGroup)
      : null,
    answers: JSON.parse(row.answers) as Record<string, AnswerValue>,
    comments: JSON.parse(row.comments) as Record<string, string>,
  };
}

/** A report as it is stored, and what its subject's answers may keep once sealed (rule 7). */
export interface AssembledReport {
  content: string;
  seal: SealDecision;
  /** whether the seal deletes or pools any of the subject's rows (most often it does not) */
  sealChanges: boolean;
}

/**
 * The report's JSON exactly as it is stored, and the seal decided from that very report: the
 * stored JSON holds the same groups, figures (or null) and comments as the object written.
 */
export function assembleStoredReport(
  job: AssemblyJob,
  settings: AssemblySettings,
): AssembledReport {
  const report = assembleReport(
    job.heading,
    {
      threshold: settings.threshold,
      showManagerSeparately: settings.showManagerSeparately,
      questionnaire: settings.questionnaire,
      tallies: job.tallies,
      responses: job.rows.map(responseOf),
    },
    job.previous,
    job.plan ?? null,
  );
  const seal = sealDecision(report);
  const sealChanges = job.rows.some((row) => {
    const fate = sealedRow(row.group, seal);
    return !fate.keep || fate.group !== row.group;
  });
  return { content: JSON.stringify(report), seal, sealChanges };
}
