import type { CampaignResponseDto, ProgressDto } from '@ledarspegel/campaigns';
import { percent } from './percent';
import type { Texts } from './texts';

/** Managers in the progress chart: the lowest response rates (all are in the table). */
export const LOWEST_SHOWN = 15;

/** YYYY-MM-DD from `from` to `to`, at most 366 days. */
export function calendarDays(from: string, to: Date): string[] {
  const days: string[] = [];
  const day = new Date(`${from.slice(0, 10)}T00:00:00Z`);
  const last = to.toISOString().slice(0, 10);
  while (days.length < 366) {
    const text = day.toISOString().slice(0, 10);
    days.push(text);
    if (text >= last) {
      break;
    }
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return days;
}

export interface UnitProgress {
  unit: string;
  invited: number;
  responded: number;
  rate: number;
}

/** Invited and responded summed by the subjects' units ('–' for a subject with none), by name. */
export function progressByUnit(
  bySubject: ProgressDto['bySubject'],
  units: ReadonlyMap<string, string>,
): UnitProgress[] {
  const byUnit = new Map<string, { invited: number; responded: number }>();
  for (const subject of bySubject) {
    const unit = units.get(subject.employeeId) ?? '–';
    const entry = byUnit.get(unit) ?? { invited: 0, responded: 0 };
    entry.invited += subject.invited;
    entry.responded += subject.responded;
    byUnit.set(unit, entry);
  }
  return [...byUnit.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'sv'))
    .map(([unit, counts]) => ({
      unit,
      ...counts,
      rate: percent(counts.responded, counts.invited),
    }));
}

/** The subjects with their unit and rate, the furthest behind first. */
export function progressBySubject(
  bySubject: ProgressDto['bySubject'],
  units: ReadonlyMap<string, string>,
) {
  return bySubject
    .map((s) => ({
      ...s,
      unit: units.get(s.employeeId) ?? '',
      rate: percent(s.responded, s.invited),
    }))
    .sort((a, b) => a.rate - b.rate || a.name.localeCompare(b.name, 'sv'));
}

export interface CurvePoint {
  day: string;
  responded: number;
  cumulative: number;
  rate: number;
}

/** The response curve: every day from the launch to today, days without answers too. */
export function responseCurve(
  byDay: ProgressDto['byDay'],
  invited: number,
  launchedAt: string | null,
  now: Date,
): CurvePoint[] {
  const answersOn = new Map(byDay.map((d) => [d.day, d.responded]));
  const days = calendarDays(launchedAt ?? byDay[0]?.day ?? now.toISOString(), now);
  for (const day of answersOn.keys()) {
    if (!days.includes(day)) {
      days.push(day);
    }
  }
  days.sort();
  let cumulative = 0;
  return days.map((day) => {
    const responded = answersOn.get(day) ?? 0;
    cumulative += responded;
    return { day, responded, cumulative, rate: percent(cumulative, invited) };
  });
}

/**
 * The progress page of an open campaign: rates overall, by unit and by manager, the curve, and
 * the data of its three charts (as JSON safe inside a <script> element).
 */
export function progressView(input: {
  campaign: CampaignResponseDto;
  progress: ProgressDto;
  /** the subjects' units by employee id */
  units: ReadonlyMap<string, string>;
  now: Date;
  launched: boolean;
  t: Texts;
}) {
  const { campaign, progress, units, t } = input;
  const unitRows = progressByUnit(progress.bySubject, units);
  const subjectRows = progressBySubject(progress.bySubject, units);
  const curve = responseCurve(progress.byDay, progress.invited, campaign.launchedAt, input.now);
  const lowest = subjectRows.slice(0, LOWEST_SHOWN);
  const chartData = {
    curve: {
      labels: curve.map((d) => d.day),
      values: curve.map((d) => d.rate),
      label: t('admin.progress.curveLabel'),
    },
    units: {
      labels: unitRows.map((u) => u.unit),
      values: unitRows.map((u) => u.rate),
      label: t('admin.progress.rate'),
    },
    // the managers furthest behind, the ones HR may want to nudge
    subjects: {
      labels: lowest.map((r) => r.name),
      values: lowest.map((r) => r.rate),
      label: t('admin.progress.rate'),
    },
  };
  return {
    campaign,
    launched: input.launched,
    progress,
    rate: percent(progress.responded, progress.invited),
    units: unitRows,
    subjects: subjectRows,
    curve,
    reminders: progress.remindersSent.join(', '),
    lowestShown: lowest.length,
    subjectsChartHeight: 60 + 24 * lowest.length,
    chartData: JSON.stringify(chartData).replace(/</g, '\\u003c'),
  };
}
