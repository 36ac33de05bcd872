import type { RatersPreviewDto, SubjectRatersDto } from '@ledarspegel/campaigns';
import { CAMPAIGN, keys } from './fixtures/view-fixtures';
import { belowThreshold, launchView, raterForm, sampleRater, setupView } from './raters.view';

const counts = (values: Partial<SubjectRatersDto['counts']>): SubjectRatersDto['counts'] => ({
  self: 0,
  manager: 0,
  direct_report: 0,
  peer: 0,
  other: 0,
  ...values,
});

const warning = (code: 'pooled_into_others' | 'others_below_threshold' | 'manager_in_others') => ({
  group: 'others' as const,
  count: 2,
  code,
  message: { sv: `sv:${code}`, en: `en:${code}` },
});

// Anna: self, three reports; Bo: self, two reports (below k = 3), a peer HR added, and Anna as
// his manager, rated within others.
const PREVIEW: RatersPreviewDto = {
  campaignId: CAMPAIGN.id,
  status: 'draft',
  threshold: 3,
  raters: 7,
  assignments: 9,
  subjects: [
    {
      employeeId: 'A1',
      name: 'Anna Andersson',
      counts: counts({ self: 1, direct_report: 3 }),
      warnings: [],
      raters: [
        { employeeId: 'A1', name: 'Anna Andersson', relationship: 'self' },
        { employeeId: 'B1', name: 'Bo Berg', relationship: 'direct_report' },
        { employeeId: 'C1', name: 'Cecilia Ceder', relationship: 'direct_report' },
        { employeeId: 'J1', name: 'Jonas Jansson', relationship: 'direct_report' },
      ],
    },
    {
      employeeId: 'B1',
      name: 'Bo Berg',
      counts: counts({ self: 1, manager: 1, direct_report: 2, peer: 1 }),
      warnings: [warning('others_below_threshold'), warning('manager_in_others')],
      raters: [
        { employeeId: 'B1', name: 'Bo Berg', relationship: 'self' },
        { employeeId: 'A1', name: 'Anna Andersson', relationship: 'manager' },
        { employeeId: 'D1', name: 'Dan Dahl', relationship: 'direct_report' },
        { employeeId: 'E1', name: 'Eva Ek', relationship: 'direct_report' },
        { employeeId: 'K1', name: 'Karin Kvist', relationship: 'peer' },
      ],
    },
  ],
};

describe('subjects below k', () => {
  it('counts a subject with a group below k, not one only told that the manager is within others', () => {
    expect(belowThreshold(PREVIEW)).toBe(1);
    const noted = PREVIEW.subjects.map((s) => ({ ...s, warnings: [warning('manager_in_others')] }));
    expect(belowThreshold({ ...PREVIEW, subjects: noted })).toBe(0);
  });
});

describe('the raters page', () => {
  const view = setupView({
    campaign: { ...CAMPAIGN, status: 'draft' },
    preview: PREVIEW,
    questionnaireTitle: 'Ledarskap',
    problem: null,
    language: 'sv',
    t: keys,
  });

  it('counts each subject in the campaign groups only, in their order', () => {
    expect(view.groups).toEqual([
      { group: 'self', label: 'group.self' },
      { group: 'direct_report', label: 'group.direct_report' },
      { group: 'peer', label: 'group.peer' },
    ]);
    expect(view.subjects.map((s) => s.counts)).toEqual([
      [1, 3, 0],
      [1, 2, 1],
    ]);
  });

  it('offers to add only the hand-added groups the campaign asks', () => {
    expect(view.manual).toEqual([{ value: 'peer', label: 'group.peer' }]);
    expect(view.canAdd).toBe(true);
    const selfOnly = setupView({
      campaign: { ...CAMPAIGN, raterGroups: ['self', 'direct_report'] },
      preview: PREVIEW,
      questionnaireTitle: 'Ledarskap',
      problem: null,
      language: 'sv',
      t: keys,
    });
    expect(selfOnly.canAdd).toBe(false);
  });

  it('shows the warnings in the language and lets HR remove only the raters HR added', () => {
    const bo = view.subjects[1];
    expect(bo?.warnings).toEqual(['sv:others_below_threshold', 'sv:manager_in_others']);
    expect(bo?.raters.filter((r) => r.removable).map((r) => r.employeeId)).toEqual(['K1']);
    expect(view.warned).toBe(1);
  });
});

describe('the rater forms', () => {
  it('takes peer or other, and peer for anything else', () => {
    expect(raterForm({ subject: 'B1', rater: ' K1 ', relationship: 'other' })).toEqual({
      subject: 'B1',
      rater: ' K1 ',
      relationship: 'other',
    });
    expect(raterForm({ relationship: 'manager' })).toEqual({
      subject: '',
      rater: '',
      relationship: 'peer',
    });
    expect(raterForm({ subject: ['B1', 'C1'], rater: ['x'] })).toMatchObject({
      subject: '',
      rater: '',
    });
  });
});

describe('the invitation sample and the launch', () => {
  it('shows the invitation of a direct report, with everyone they will rate', () => {
    // Bo rates Anna as a direct report, himself, and no one as a manager
    expect(sampleRater(PREVIEW)).toEqual({
      name: 'Bo Berg',
      subjects: [
        { name: 'Anna Andersson', self: false },
        { name: 'Bo Berg', self: true },
      ],
      ratesAsManager: false,
    });
  });

  it('falls back to the first rater, and to none', () => {
    // no direct reports: Anna, the first, rates herself and Bo as his manager
    const noReports = {
      ...PREVIEW,
      subjects: PREVIEW.subjects.map((s) => ({
        ...s,
        raters: s.raters.filter((r) => r.relationship === 'self' || r.relationship === 'manager'),
      })),
    };
    expect(sampleRater(noReports)).toEqual({
      name: 'Anna Andersson',
      subjects: [
        { name: 'Anna Andersson', self: true },
        { name: 'Bo Berg', self: false },
      ],
      ratesAsManager: true,
    });
    expect(sampleRater({ ...PREVIEW, subjects: [] })).toBeNull();
  });

  it('counts people once however many they rate', () => {
    expect(
      launchView({ campaign: CAMPAIGN, preview: PREVIEW, invitation: null, unconfirmed: true }),
    ).toMatchObject({ subjects: 2, people: 7, assignments: 9, warned: 1, unconfirmed: true });
  });
});
