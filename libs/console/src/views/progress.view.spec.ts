import type { ProgressDto } from '@ledarspegel/campaigns';
import { CAMPAIGN, keys } from './fixtures/view-fixtures';
import {
  calendarDays,
  progressBySubject,
  progressByUnit,
  progressView,
  responseCurve,
} from './progress.view';

// Five managers in three units and one whose unit is unknown (left the organisation file).
const BY_SUBJECT: ProgressDto['bySubject'] = [
  { employeeId: 'B1', name: 'Bo Berg', invited: 5, responded: 3 },
  { employeeId: 'C1', name: 'Cecilia Ceder', invited: 3, responded: 0 },
  { employeeId: 'A1', name: 'Anna Andersson', invited: 4, responded: 4 },
  { employeeId: 'X9', name: 'Xena Xu', invited: 2, responded: 1 },
  { employeeId: 'D1', name: 'Dan Dahl', invited: 2, responded: 2 },
];
const UNITS = new Map([
  ['A1', 'Ledning'],
  ['B1', 'Skola'],
  ['C1', 'Omsorg'],
  ['D1', 'Skola'],
]);

const progress = (overrides: Partial<ProgressDto> = {}): ProgressDto => ({
  invited: 16,
  responded: 10,
  raters: 9,
  bySubject: BY_SUBJECT,
  byDay: [],
  mail: { pending: 0, sent: 9, failed: 0, failures: [] },
  remindersSent: [3, 7],
  ...overrides,
});

describe('progress by unit', () => {
  it('sums the subjects of a unit, puts the unknown under –, and orders the units by name', () => {
    expect(progressByUnit(BY_SUBJECT, UNITS)).toEqual([
      { unit: '–', invited: 2, responded: 1, rate: 50 },
      { unit: 'Ledning', invited: 4, responded: 4, rate: 100 },
      { unit: 'Omsorg', invited: 3, responded: 0, rate: 0 },
      // Bo 3 of 5 and Dan 2 of 2: 5 of 7 is 71 %
      { unit: 'Skola', invited: 7, responded: 5, rate: 71 },
    ]);
  });

  it('gives a unit nobody was invited in a rate of 0, not NaN', () => {
    const none = [{ employeeId: 'A1', name: 'Anna', invited: 0, responded: 0 }];
    expect(progressByUnit(none, UNITS)).toEqual([
      { unit: 'Ledning', invited: 0, responded: 0, rate: 0 },
    ]);
  });
});

describe('progress by subject', () => {
  it('lists the managers furthest behind first, equal rates by name', () => {
    expect(progressBySubject(BY_SUBJECT, UNITS).map((s) => [s.employeeId, s.unit, s.rate])).toEqual(
      [
        ['C1', 'Omsorg', 0],
        ['X9', '', 50],
        ['B1', 'Skola', 60],
        ['A1', 'Ledning', 100],
        ['D1', 'Skola', 100],
      ],
    );
  });
});

describe('the response curve', () => {
  it('has every day from the launch to today, days without answers too, and adds up', () => {
    const curve = responseCurve(
      [
        { day: '2027-03-03', responded: 4 },
        { day: '2027-03-05', responded: 3 },
      ],
      16,
      '2027-03-02T08:00:00.000Z',
      new Date('2027-03-05T10:00:00Z'),
    );
    expect(curve).toEqual([
      { day: '2027-03-02', responded: 0, cumulative: 0, rate: 0 },
      { day: '2027-03-03', responded: 4, cumulative: 4, rate: 25 },
      { day: '2027-03-04', responded: 0, cumulative: 4, rate: 25 },
      // 7 of 16 is 43.75 %
      { day: '2027-03-05', responded: 3, cumulative: 7, rate: 44 },
    ]);
  });

  it('keeps answers from a day outside the range, in order', () => {
    const curve = responseCurve(
      [
        { day: '2027-03-02', responded: 2 },
        { day: '2027-03-01', responded: 1 },
      ],
      4,
      '2027-03-02T08:00:00.000Z',
      new Date('2027-03-02T12:00:00Z'),
    );
    expect(curve.map((d) => [d.day, d.cumulative, d.rate])).toEqual([
      ['2027-03-01', 1, 25],
      ['2027-03-02', 3, 75],
    ]);
  });

  it('starts at the first answer, or today, when the launch date is unknown', () => {
    const now = new Date('2027-03-04T10:00:00Z');
    expect(responseCurve([{ day: '2027-03-03', responded: 1 }], 2, null, now)).toHaveLength(2);
    expect(responseCurve([], 2, null, now)).toEqual([
      { day: '2027-03-04', responded: 0, cumulative: 0, rate: 0 },
    ]);
  });
});

describe('calendar days', () => {
  it('runs from the first day to the last, both in', () => {
    expect(calendarDays('2027-02-27T23:30:00Z', new Date('2027-03-01T00:10:00Z'))).toEqual([
      '2027-02-27',
      '2027-02-28',
      '2027-03-01',
    ]);
  });

  it('stops after 366 days', () => {
    const days = calendarDays('2020-01-01', new Date('2027-01-01T00:00:00Z'));
    expect(days).toHaveLength(366);
    expect(days[365]).toBe('2020-12-31');
  });
});

describe('the progress page', () => {
  const now = new Date('2027-03-03T10:00:00Z');

  it('shows the overall rate, the reminders and the three charts', () => {
    const view = progressView({
      campaign: CAMPAIGN,
      progress: progress({ byDay: [{ day: '2027-03-03', responded: 10 }] }),
      units: UNITS,
      now,
      launched: true,
      t: keys,
    });
    expect(view).toMatchObject({ launched: true, rate: 63, reminders: '3, 7', lowestShown: 5 });
    expect(view.subjectsChartHeight).toBe(60 + 24 * 5);
    expect(JSON.parse(view.chartData)).toEqual({
      curve: {
        labels: ['2027-03-02', '2027-03-03'],
        values: [0, 63],
        label: 'admin.progress.curveLabel',
      },
      units: {
        labels: ['–', 'Ledning', 'Omsorg', 'Skola'],
        values: [50, 100, 0, 71],
        label: 'admin.progress.rate',
      },
      subjects: {
        labels: ['Cecilia Ceder', 'Xena Xu', 'Bo Berg', 'Anna Andersson', 'Dan Dahl'],
        values: [0, 50, 60, 100, 100],
        label: 'admin.progress.rate',
      },
    });
  });

  it('charts the 15 managers furthest behind and keeps all in the table', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({
      employeeId: `M${i}`,
      name: `Chef ${String(i).padStart(2, '0')}`,
      invited: 20,
      responded: i,
    }));
    const view = progressView({
      campaign: CAMPAIGN,
      progress: progress({ bySubject: many }),
      units: new Map(),
      now,
      launched: false,
      t: keys,
    });
    expect(view.subjects).toHaveLength(20);
    expect(view.lowestShown).toBe(15);
    expect(view.subjectsChartHeight).toBe(420);
    const chart = JSON.parse(view.chartData) as { subjects: { labels: string[] } };
    expect(chart.subjects.labels).toEqual(many.slice(0, 15).map((m) => m.name));
  });

  it('writes the chart data so that no name can end the script element', () => {
    const view = progressView({
      campaign: CAMPAIGN,
      progress: progress({
        bySubject: [{ employeeId: 'E1', name: '</script><b>', invited: 1, responded: 0 }],
      }),
      units: new Map(),
      now,
      launched: false,
      t: keys,
    });
    expect(view.chartData).not.toContain('<');
    expect(
      (JSON.parse(view.chartData) as { subjects: { labels: string[] } }).subjects.labels,
    ).toEqual(['</script><b>']);
  });
});
