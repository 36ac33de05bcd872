import {
  demoAnswers,
  DemoQuestionnaire,
  DemoRelationship,
  managerProfile,
  responds,
  seededRandom,
  seedOf,
} from './demo-answers';
import { describeDemoReports } from './demo-findings';
import type { ReportResponseDto } from '@ledarspegel/reports';

/** Six areas of six items, like the Huddinge questionnaire. */
const QUESTIONNAIRE: DemoQuestionnaire = {
  dimensions: ['mal', 'forebild', 'vision', 'utmana', 'handlingskraft', 'uppmuntra'].map((key) => ({
    key,
    items: Array.from({ length: 6 }, (_, i) => ({ id: `${key}-${i}` })),
  })),
};
const MANAGERS = Array.from({ length: 30 }, (_, i) => `D${String(i + 1).padStart(4, '0')}`);

/** The mean of a manager's answers from `raters` raters of a group, per area. */
function means(
  managerId: string,
  relationship: DemoRelationship,
  raters: number,
  yearsAgo = 0,
): Record<string, number> {
  const profile = managerProfile(7, managerId, QUESTIONNAIRE);
  const sums: Record<string, { sum: number; n: number }> = {};
  for (let rater = 0; rater < raters; rater += 1) {
    const random = seededRandom(seedOf(7, yearsAgo, managerId, relationship, rater));
    const form = demoAnswers(profile, QUESTIONNAIRE, relationship, random, yearsAgo);
    for (const dimension of QUESTIONNAIRE.dimensions) {
      for (const item of dimension.items) {
        const value = form[`item-${item.id}`];
        if (value !== 'na') {
          const entry = (sums[dimension.key] ??= { sum: 0, n: 0 });
          entry.sum += Number(value);
          entry.n += 1;
        }
      }
    }
  }
  return Object.fromEntries(Object.entries(sums).map(([key, { sum, n }]) => [key, sum / n]));
}

const average = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('demo answers', () => {
  it('answers every item with a scale value or "don\'t know", the same for the same seed', () => {
    const profile = managerProfile(7, 'D0001', QUESTIONNAIRE);
    const first = demoAnswers(profile, QUESTIONNAIRE, 'direct_report', seededRandom(42));
    expect(Object.keys(first)).toHaveLength(36);
    expect(Object.values(first).every((v) => /^[1-5]$|^na$/.test(v))).toBe(true);
    expect(demoAnswers(profile, QUESTIONNAIRE, 'direct_report', seededRandom(42))).toEqual(first);
    expect(demoAnswers(profile, QUESTIONNAIRE, 'direct_report', seededRandom(43))).not.toEqual(
      first,
    );
  });

  it('gives managers different profiles: levels spread, a clear strength and weakness each', () => {
    const overall = MANAGERS.map((id) => average(Object.values(means(id, 'direct_report', 8))));
    // not "every mean about 3,0": the managers' levels span more than a scale step
    expect(Math.max(...overall) - Math.min(...overall)).toBeGreaterThan(1);
    for (const id of MANAGERS.slice(0, 10)) {
      const profile = managerProfile(7, id, QUESTIONNAIRE);
      const seen = means(id, 'direct_report', 8);
      expect(profile.strongest).not.toBe(profile.weakest);
      // what others answer follows the profile: the strength above the area to develop
      expect((seen[profile.strongest] ?? 0) - (seen[profile.weakest] ?? 0)).toBeGreaterThan(0.6);
    }
    // different managers, different strengths
    const strengths = new Set(MANAGERS.map((id) => managerProfile(7, id, QUESTIONNAIRE).strongest));
    expect(strengths.size).toBeGreaterThanOrEqual(4);
  });

  it('spreads answers within a team: raters of one manager do not all agree', () => {
    const profile = managerProfile(7, 'D0002', QUESTIONNAIRE);
    const raterMeans = Array.from({ length: 8 }, (_, rater) => {
      const form = demoAnswers(
        profile,
        QUESTIONNAIRE,
        'direct_report',
        seededRandom(seedOf('team', rater)),
      );
      return average(
        Object.values(form)
          .filter((v) => v !== 'na')
          .map(Number),
      );
    });
    expect(Math.max(...raterMeans) - Math.min(...raterMeans)).toBeGreaterThan(0.4);
    const values = new Set(
      Object.values(
        demoAnswers(profile, QUESTIONNAIRE, 'peer', seededRandom(seedOf('one', 'rater'))),
      ),
    );
    expect(values.size).toBeGreaterThanOrEqual(3);
  });

  it('rates oneself about 0.3 above how others do, on average', () => {
    const gaps = MANAGERS.flatMap((id) => {
      const self = means(id, 'self', 1);
      const others = means(id, 'direct_report', 6);
      return Object.keys(others).map((key) => (self[key] ?? 0) - (others[key] ?? 0));
    });
    const gap = average(gaps);
    expect(gap).toBeGreaterThan(0.15);
    expect(gap).toBeLessThan(0.5);
  });

  it('changes a manager over a year, most in the area to develop (the trend)', () => {
    const changes = MANAGERS.map((id) => {
      const profile = managerProfile(7, id, QUESTIONNAIRE);
      const now = means(id, 'direct_report', 10, 0);
      const before = means(id, 'direct_report', 10, 1);
      return (now[profile.weakest] ?? 0) - (before[profile.weakest] ?? 0);
    });
    expect(average(changes)).toBeGreaterThan(0.2);
  });

  it('holds answers back where the demo wants fewer than k answers', () => {
    const random = seededRandom(1);
    expect(responds(random, 0.85, 'self', { answeredSoFar: 9, quietAnswers: 2 })).toBe(true);
    expect(responds(random, 0.85, 'peer', { answeredSoFar: 1, quietAnswers: 2 })).toBe(true);
    expect(responds(random, 0.85, 'peer', { answeredSoFar: 2, quietAnswers: 2 })).toBe(false);
    const answered = Array.from({ length: 1000 }, () =>
      responds(random, 0.85, 'direct_report', null),
    ).filter(Boolean).length;
    expect(answered).toBeGreaterThan(800);
    expect(answered).toBeLessThan(900);
  });
});

describe('what the demo points at', () => {
  const group = (name: string, responded: number, shown: boolean) => ({
    group: name as ReportResponseDto['groups'][number]['group'],
    invited: responded + 1,
    responded,
    shown,
  });
  const report = (
    employeeId: string,
    groups: ReturnType<typeof group>[],
    self: number | null,
    others: number | null,
    trend: boolean,
  ) =>
    ({
      subject: { employeeId, name: `Person ${employeeId}` },
      groups,
      dimensions: [
        {
          key: 'mal',
          scores: {
            self: self === null ? null : { n: 1, mean: self, sd: null },
            others: others === null ? null : { n: 5, mean: others, sd: 1 },
          },
        },
      ],
      trend: trend
        ? {
            campaignId: 'c',
            closedAt: null,
            dimensions: [{ key: 'mal', previous: 3, previousN: 5, current: 3.4, change: 0.4 }],
          }
        : null,
    }) as unknown as ReportResponseDto;

  it('finds a report with a hidden group, one without others, the trend and the self gap', () => {
    const findings = describeDemoReports([
      report(
        'D2',
        [group('self', 1, true), group('manager', 1, false), group('others', 2, false)],
        4,
        null,
        false,
      ),
      report(
        'D1',
        [
          group('self', 1, true),
          group('manager', 1, false),
          group('direct_report', 4, true),
          group('peer', 2, false),
          group('others', 7, true),
        ],
        4.2,
        3.8,
        true,
      ),
    ]);
    expect(findings).toEqual({
      reports: 2,
      withOthers: 1,
      withTrend: 1,
      hiddenGroupFigures: 2,
      selfAboveOthers: expect.closeTo(0.4, 5),
      partly: { employeeId: 'D1', name: 'Person D1', hidden: ['peers'] },
      hidden: { employeeId: 'D2', name: 'Person D2', responded: 2 },
    });
  });
});
