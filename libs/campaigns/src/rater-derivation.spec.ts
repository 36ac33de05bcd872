import { deriveRaters, OrgPerson } from './rater-derivation';
import { RELATIONSHIPS } from './relationship';

const person = (
  employeeId: string,
  managerEmployeeId: string | null,
  active = true,
): OrgPerson => ({
  id: `id-${employeeId}`,
  employeeId,
  name: `Person ${employeeId}`,
  managerEmployeeId,
  active,
});

// top -> m1 -> (r1, r2, m2 -> (r3)), r4 inactive under m1
const org = [
  person('top', null),
  person('m1', 'top'),
  person('r1', 'm1'),
  person('r2', 'm1'),
  person('m2', 'm1'),
  person('r3', 'm2'),
  person('r4', 'm1', false),
];
const rows = (list: ReturnType<typeof deriveRaters>) =>
  list.map((r) => `${r.subjectId.slice(3)}<-${r.raterId.slice(3)}:${r.relationship}`);

describe('deriveRaters', () => {
  it('takes self, the manager and active direct reports from the org chart', () => {
    expect(rows(deriveRaters(org, ['id-m1'], RELATIONSHIPS, []))).toEqual([
      'm1<-m1:self',
      'm1<-top:manager',
      'm1<-m2:direct_report',
      'm1<-r1:direct_report',
      'm1<-r2:direct_report',
    ]);
  });

  it('has no manager at the top of the tree', () => {
    expect(rows(deriveRaters(org, ['id-top'], RELATIONSHIPS, []))).toEqual([
      'top<-top:self',
      'top<-m1:direct_report',
    ]);
  });

  it('lets a manager inside a team rate their manager and be rated by them, and rate as one person twice', () => {
    const result = rows(deriveRaters(org, ['id-m1', 'id-m2'], RELATIONSHIPS, []));
    expect(result).toContain('m1<-m2:direct_report');
    expect(result).toContain('m2<-m1:manager');
    expect(result).toContain('m2<-r3:direct_report');
  });

  it('only asks the chosen groups', () => {
    expect(rows(deriveRaters(org, ['id-m1'], ['direct_report'], []))).toEqual([
      'm1<-m2:direct_report',
      'm1<-r1:direct_report',
      'm1<-r2:direct_report',
    ]);
  });

  it('skips inactive people, as subjects and as raters', () => {
    const withInactiveManager = [
      ...org.filter((p) => p.employeeId !== 'top'),
      person('top', null, false),
    ];
    expect(rows(deriveRaters(withInactiveManager, ['id-m1'], ['manager'], []))).toEqual([]);
    expect(rows(deriveRaters(org, ['id-r4'], RELATIONSHIPS, []))).toEqual([]);
    expect(
      rows(
        deriveRaters(
          org,
          ['id-m1'],
          ['peer'],
          [{ subjectId: 'id-m1', raterId: 'id-r4', relationship: 'peer' }],
        ),
      ),
    ).toEqual([]);
  });

  it('keeps one relationship per rater and subject: org chart first, then peer over other', () => {
    const manual = [
      { subjectId: 'id-m1', raterId: 'id-top', relationship: 'peer' as const },
      { subjectId: 'id-m1', raterId: 'id-r3', relationship: 'other' as const },
      { subjectId: 'id-m1', raterId: 'id-r3', relationship: 'peer' as const },
      { subjectId: 'id-m1', raterId: 'id-m1', relationship: 'peer' as const },
      { subjectId: 'id-r1', raterId: 'id-r2', relationship: 'peer' as const },
    ];
    const result = rows(deriveRaters(org, ['id-m1'], RELATIONSHIPS, manual));
    expect(result).toContain('m1<-top:manager');
    expect(result).toContain('m1<-r3:peer');
    expect(result.filter((r) => r.startsWith('m1<-m1'))).toEqual(['m1<-m1:self']);
    expect(result.some((r) => r.startsWith('r1<-'))).toBe(false);
    expect(result).toHaveLength(6);
  });

  it("adds approved nominations as it adds HR's raters: the org chart still wins", () => {
    const nominated = [
      { subjectId: 'id-m2', raterId: 'id-r1', relationship: 'peer' as const },
      { subjectId: 'id-m2', raterId: 'id-top', relationship: 'other' as const },
      { subjectId: 'id-m2', raterId: 'id-m1', relationship: 'peer' as const },
      { subjectId: 'id-m2', raterId: 'id-r4', relationship: 'peer' as const },
    ];
    const hr = [{ subjectId: 'id-m2', raterId: 'id-top', relationship: 'peer' as const }];
    expect(rows(deriveRaters(org, ['id-m2'], RELATIONSHIPS, hr, nominated))).toEqual([
      'm2<-m2:self',
      'm2<-m1:manager',
      'm2<-r3:direct_report',
      'm2<-r1:peer',
      'm2<-top:peer',
    ]);
    // a campaign that does not ask others drops a nominated other
    expect(rows(deriveRaters(org, ['id-m2'], ['self', 'peer'], [], nominated))).toEqual([
      'm2<-m2:self',
      'm2<-m1:peer',
      'm2<-r1:peer',
    ]);
  });
});
