import { TemplateRenderer } from '@ledarspegel/templates';
import type { ReportInput } from '../aggregation';
import { assembleReport } from '../assemble-report';
import fixture from '../fixtures/mixed-groups.json';
import { MIXED_GROUPS_QUESTIONNAIRE, mixedGroupsReport } from '../fixtures/mixed-groups-report';
import { reportView } from './report-view';

const templates = new TemplateRenderer();
const view = (language: 'sv' | 'en' = 'sv') => {
  const { report, questionnaire } = mixedGroupsReport();
  return reportView(report, questionnaire, language, (key, parameters) =>
    templates.message(language, key, parameters),
  );
};

describe('reportView', () => {
  it('has one set of columns: self, others and the groups shown on their own', () => {
    const sv = view();
    expect(sv.columns.map((c) => c.name)).toEqual(['Själv', 'Övriga', 'Medarbetare']);
    // the manager has figures that pass rule 3 on d2, b and c, but is pooled at the group level
    expect(sv.groups.map((g) => [g.name, g.status])).toEqual([
      ['Själv', 'ja'],
      ['Övriga', 'ja'],
      ['Chef', 'ingår i övriga'],
      ['Medarbetare', 'ja'],
      ['Kollegor', 'ingår i övriga'],
    ]);
    expect(view('en').groups.map((g) => g.status)).toEqual([
      'yes',
      'yes',
      'included in others',
      'yes',
      'included in others',
    ]);
  });

  it('gives a hidden figure the same reason however it was hidden', () => {
    const [d1, d2] = view().dimensions;
    const [a, b] = d1?.items ?? [];
    // others on a: hidden by the auditor (secondary); direct reports on d1: rule 3 (primary)
    expect(a?.cells[1]).toEqual({ text: 'för få svar', reason: 'tooFew' });
    expect(d1?.cells[2]).toEqual({ text: 'för få svar', reason: 'tooFew' });
    expect(b?.cells[2]).toEqual({ text: 'för få svar', reason: 'tooFew' });
    // self answered "don't know" to all of d2: the subject knows
    expect(d2?.cells[0]).toEqual({ text: 'inget svar', reason: 'noAnswer' });
    expect(d2?.items[0]?.cells[0]).toEqual({ text: 'inget svar', reason: 'noAnswer' });
    expect(view('en').dimensions[1]?.cells.map((c) => c.text)).toEqual([
      'no response',
      '3.5',
      'too few responses',
    ]);
    // no distribution where others' figure is hidden
    expect(a?.distribution).toBeNull();
    expect(b?.distribution?.map((d) => d.count)).toEqual([0, 1, 1, 1, 1]);
  });

  it('writes figures rounded and differences of the rounded figures, zero unsigned', () => {
    const sv = view();
    expect(sv.dimensions[0]?.cells.slice(0, 2)).toEqual([
      { text: '4,5', value: 4.5, n: 1 },
      { text: '3,3', value: 3.3, n: 5 },
    ]);
    expect(sv.gaps.map((g) => [g.title, g.self.text, g.others.text, g.difference.text])).toEqual([
      ['Tydliggöra mål och förväntningar', '4,5', '3,3', '+1,2'],
    ]);
    // 3.26 -> 3.3 is +0.04 and 3.45 -> 3.5 is +0.05 unrounded: both read the same before and after
    expect(sv.trend?.map((e) => [e.previous.text, e.current.text, e.change.text])).toEqual([
      ['3,3', '3,3', '0,0'],
      ['3,5', '3,5', '0,0'],
    ]);
    expect(sv.blindSpots.map((g) => [g.key, g.difference.text])).toEqual([['b', '+1,5']]);
    expect(sv.profile.series.map((s) => [s.name, s.values])).toEqual([
      ['Själv', [4.5, null]],
      ['Övriga', [3.3, 3.5]],
    ]);
  });

  it('says "no response" for a self-assessment never given, in every cell and in the groups', () => {
    const input = fixture.input as unknown as ReportInput;
    const report = assembleReport(
      {
        campaignId: 'c',
        campaignName: 'Ledarspegel 2026',
        closedAt: null,
        subject: { employeeId: 'M1', name: 'Maja Mix' },
        questionnaire: { key: 'mixed-groups', version: 1 },
      },
      {
        ...input,
        tallies: { ...input.tallies, self: { invited: 1, responded: 0 } },
        responses: input.responses.filter((response) => response.group !== 'self'),
      },
      null,
    );
    const sv = reportView(report, MIXED_GROUPS_QUESTIONNAIRE, 'sv', (key, parameters) =>
      templates.message('sv', key, parameters),
    );
    expect(sv.columns[0]?.name).toBe('Själv');
    const selfCells = sv.dimensions.flatMap((d) => [d.cells[0], ...d.items.map((i) => i.cells[0])]);
    expect(selfCells).toEqual(selfCells.map(() => ({ text: 'inget svar', reason: 'noAnswer' })));
    expect(sv.groups[0]).toMatchObject({ name: 'Själv', responded: 0, status: 'inget svar' });
    expect(sv.gaps).toEqual([]);
    expect(sv.blindSpots).toEqual([]);
    expect(sv.profile.series.map((series) => series.name)).toEqual(['Övriga']);
  });
});

describe('the conversation guide', () => {
  it("is drawn only from items whose others' figure the report shows", () => {
    const sv = view();
    const { report } = mixedGroupsReport();
    const shownOthers = new Set(report.items.filter((i) => i.scores.others).map((i) => i.id));
    const hiddenOthers = report.items.filter((i) => !i.scores.others).map((i) => i.id);
    expect(hiddenOthers.length).toBeGreaterThan(0);
    const named = [...sv.guide.thank, ...sv.guide.ask].map((entry) => entry.id);
    expect(named.length).toBeGreaterThan(0);
    for (const id of named) {
      expect(shownOthers.has(id)).toBe(true);
    }
    expect(sv.guide.thank.map((e) => e.id)).toEqual(sv.strengths.map((e) => e.id));
    // the figure quoted is the one the summary shows, in the manager's own voice
    const first = sv.guide.thank[0];
    expect(first?.why).toBe(`övrigas medelvärde ${sv.strengths[0]?.mean.text}`);
    expect(sv.guide.questions.length).toBe(3 + sv.guide.ask.length);
    expect(view('en').guide.steps[0]).toMatch(/^Book an hour/);
  });

  it('names nothing when no figure of others is shown', () => {
    const { report, questionnaire } = mixedGroupsReport();
    const bare = {
      ...report,
      strengths: [],
      developmentAreas: [],
      blindSpots: [],
      gaps: { ...report.gaps, items: [] },
    };
    const guide = reportView(bare, questionnaire, 'sv', (key, parameters) =>
      templates.message('sv', key, parameters),
    ).guide;
    expect(guide.thank).toEqual([]);
    expect(guide.ask).toEqual([]);
    expect(guide.questions).toHaveLength(3);
  });
});
