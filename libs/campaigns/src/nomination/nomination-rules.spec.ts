import {
  approverOf,
  checkNomination,
  NominationPerson,
  NominationSettings,
  SEARCH_LIMIT,
  searchPeople,
} from './nomination-rules';

const person = (
  employeeId: string,
  managerEmployeeId: string | null,
  unit: string,
  name = `Person ${employeeId}`,
  active = true,
): NominationPerson => ({
  id: `id-${employeeId}`,
  employeeId,
  name,
  unit,
  managerEmployeeId,
  active,
});

// top -> boss -> (subject -> (report), colleague); other in another unit; gone has left
const people = [
  person('top', null, 'Ledning'),
  person('boss', 'top', 'Skola'),
  person('subject', 'boss', 'Skola', 'Sara Ström'),
  person('report', 'subject', 'Skola'),
  person('colleague', 'boss', 'Skola', 'Åsa Öberg'),
  person('other', 'top', 'Omsorg', 'Olle Ek'),
  person('gone', 'top', 'Omsorg', 'Gunnar Gone', false),
];
const byEmployeeId = new Map(people.map((p) => [p.employeeId, p]));
const subject = byEmployeeId.get('subject')!;
const settings: NominationSettings = { min: 1, max: 2, groups: ['peer', 'other'] };

describe('approverOf', () => {
  it('is the active manager when the campaign says manager, HR otherwise', () => {
    expect(approverOf(subject, byEmployeeId, 'manager')).toEqual({
      kind: 'manager',
      person: byEmployeeId.get('boss'),
    });
    expect(approverOf(subject, byEmployeeId, 'hr')).toEqual({ kind: 'hr' });
    expect(approverOf(byEmployeeId.get('top')!, byEmployeeId, 'manager')).toEqual({ kind: 'hr' });
    const underGone = person('x', 'gone', 'Omsorg');
    expect(approverOf(underGone, byEmployeeId, 'manager')).toEqual({ kind: 'hr' });
  });
});

describe('checkNomination', () => {
  const codes = (choices: { employeeId: string; relationship: string }[]) =>
    checkNomination(subject, byEmployeeId, choices, settings).problems.map(
      (p) => `${p.code}${p.employeeId ? `:${p.employeeId}` : ''}`,
    );

  it('gives the raters of a good list', () => {
    const { raters, problems } = checkNomination(
      subject,
      byEmployeeId,
      [
        { employeeId: 'colleague', relationship: 'peer' },
        { employeeId: 'other', relationship: 'other' },
      ],
      settings,
    );
    expect(problems).toEqual([]);
    expect(raters).toEqual([
      { subjectId: 'id-subject', raterId: 'id-colleague', relationship: 'peer' },
      { subjectId: 'id-subject', raterId: 'id-other', relationship: 'other' },
    ]);
  });

  it('refuses self, the manager, the org chart, outsiders, the inactive and unknown groups', () => {
    expect(codes([{ employeeId: 'subject', relationship: 'peer' }])).toEqual(['self:subject']);
    expect(codes([{ employeeId: 'boss', relationship: 'peer' }])).toEqual(['manager:boss']);
    expect(codes([{ employeeId: 'report', relationship: 'other' }])).toEqual(['org_chart:report']);
    expect(codes([{ employeeId: 'nobody', relationship: 'peer' }])).toEqual(['unknown:nobody']);
    expect(codes([{ employeeId: 'gone', relationship: 'peer' }])).toEqual(['unknown:gone']);
    expect(codes([{ employeeId: 'other', relationship: 'manager' }])).toEqual([
      'relationship:other',
    ]);
  });

  it('counts the distinct people chosen against min and max, and refuses doubles', () => {
    expect(codes([])).toEqual(['too_few']);
    expect(
      codes([
        { employeeId: 'colleague', relationship: 'peer' },
        { employeeId: 'other', relationship: 'peer' },
        { employeeId: 'top', relationship: 'other' },
      ]),
    ).toEqual(['too_many']);
    expect(
      codes([
        { employeeId: 'other', relationship: 'peer' },
        { employeeId: 'other', relationship: 'other' },
      ]),
    ).toEqual(['duplicate:other']);
  });
});

describe('searchPeople', () => {
  const names = (query: string) =>
    searchPeople(subject, people, query).found.map((p) => p.employeeId);

  it('finds by name or unit, ignoring case and accents, never the org chart or the inactive', () => {
    expect(names('asa')).toEqual(['colleague']);
    expect(names('OMSORG')).toEqual(['other']);
    expect(names('person')).toEqual(['top']);
  });

  it("lists the subject's own unit without a query, and at most SEARCH_LIMIT people", () => {
    expect(names('')).toEqual(['colleague']);
    const many = Array.from({ length: SEARCH_LIMIT + 5 }, (_, i) =>
      person(`p${i}`, 'top', 'Stab', `Stab ${String(i).padStart(3, '0')}`),
    );
    const result = searchPeople(subject, [...people, ...many], 'stab');
    expect(result.found).toHaveLength(SEARCH_LIMIT);
    expect(result.more).toBe(true);
  });
});
