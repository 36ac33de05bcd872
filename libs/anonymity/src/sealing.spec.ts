import { KEEP_SELF_ONLY, SealableReport, sealDecision, sealedRow } from './sealing';

type Shown = Partial<
  Record<'self' | 'manager' | 'direct_report' | 'peer' | 'other' | 'others', boolean>
>;

const score = { n: 3, mean: 3.5, sd: 0.5 };
const none = {
  self: null,
  manager: null,
  direct_report: null,
  peer: null,
  other: null,
  others: null,
};

/** A report shaped as the builder stores it: scores for the shown groups, null elsewhere. */
function report(shown: Shown, overrides: Partial<SealableReport> = {}): SealableReport {
  const groups = (['self', 'manager', 'direct_report', 'peer', 'other', 'others'] as const).map(
    (group) => ({ group, invited: 3, responded: 3, shown: shown[group] ?? false }),
  );
  const scores = Object.fromEntries(
    Object.entries(none).map(([group]) => [group, shown[group as keyof Shown] ? score : null]),
  );
  return {
    groups,
    dimensions: [{ scores }],
    items: [{ scores }, { scores }],
    comments: { others: [] },
    ...overrides,
  };
}

const decide = (shown: Shown, overrides: Partial<SealableReport> = {}) => {
  const decision = sealDecision(report(shown, overrides));
  return { keepOthers: decision.keepOthers, keepGroups: [...decision.keepGroups].sort() };
};

describe('sealDecision (rule 7, sealed at close)', () => {
  it('keeps nothing from others when the report shows only the self-assessment', () => {
    expect(decide({ self: true })).toEqual({ keepOthers: false, keepGroups: [] });
  });

  it('keeps nothing when the report shows nothing at all', () => {
    expect(decide({})).toEqual({ keepOthers: false, keepGroups: [] });
  });

  it('keeps others pooled when only others is shown', () => {
    expect(decide({ self: true, others: true })).toEqual({ keepOthers: true, keepGroups: [] });
  });

  it('keeps exactly the named groups the report shows on their own', () => {
    expect(decide({ self: true, direct_report: true, peer: true, others: true })).toEqual({
      keepOthers: true,
      keepGroups: ['direct_report', 'peer'],
    });
  });

  it('keeps the separately shown manager even when others is hidden', () => {
    expect(decide({ manager: true })).toEqual({ keepOthers: true, keepGroups: ['manager'] });
  });

  it('never lists self or others among the groups to keep', () => {
    expect(decide({ self: true, others: true }).keepGroups).toEqual([]);
  });

  it('keeps others when a single item shows a figure from them, though the group level hides it', () => {
    const scores = { ...none, self: score, direct_report: score };
    expect(
      decide(
        { self: true },
        { items: [{ scores: none }, { scores }], dimensions: [{ scores: none }] },
      ),
    ).toEqual({ keepOthers: true, keepGroups: [] });
  });

  it('keeps others when a dimension shows a figure from them', () => {
    expect(
      decide({ self: true }, { dimensions: [{ scores: { ...none, others: score } }] }).keepOthers,
    ).toBe(true);
  });

  it('does not count figures of self as coming from others', () => {
    const selfOnly = { ...none, self: score };
    expect(
      decide({ self: true }, { dimensions: [{ scores: selfOnly }], items: [{ scores: selfOnly }] })
        .keepOthers,
    ).toBe(false);
  });

  it('keeps others when the report shows their comments', () => {
    expect(decide({ self: true }, { comments: { others: [{ text: 'Lyssnar' }] } }).keepOthers).toBe(
      true,
    );
  });
});

describe('sealedRow', () => {
  const reportOf = (shown: Shown) => sealDecision(report(shown));

  it('keeps self rows whatever the report shows', () => {
    expect(sealedRow('self', KEEP_SELF_ONLY)).toEqual({ keep: true, group: 'self' });
    expect(sealedRow('self', reportOf({ others: true }))).toEqual({ keep: true, group: 'self' });
  });

  it('deletes every other row of a subject whose report shows nobody but self', () => {
    for (const group of ['manager', 'direct_report', 'peer', 'other', null]) {
      expect(sealedRow(group, reportOf({ self: true }))).toEqual({ keep: false });
    }
  });

  it('pools a row whose group the report does not show, and keeps a shown group', () => {
    const decision = reportOf({ self: true, direct_report: true, others: true });
    expect(sealedRow('direct_report', decision)).toEqual({ keep: true, group: 'direct_report' });
    expect(sealedRow('peer', decision)).toEqual({ keep: true, group: null });
    expect(sealedRow('manager', decision)).toEqual({ keep: true, group: null });
    expect(sealedRow(null, decision)).toEqual({ keep: true, group: null });
  });

  it('pools a label it does not know rather than keep it', () => {
    expect(sealedRow('others', reportOf({ others: true }))).toEqual({ keep: true, group: null });
  });
});
