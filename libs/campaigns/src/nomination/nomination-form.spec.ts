import { chooserView, readNominationForm } from './nomination-form';
import type { NominationPerson } from './nomination-rules';

const person = (
  employeeId: string,
  managerEmployeeId: string | null,
  unit: string,
  name: string,
): NominationPerson => ({
  id: `id-${employeeId}`,
  employeeId,
  name,
  unit,
  managerEmployeeId,
  active: true,
});

const people = [
  person('boss', null, 'Ledning', 'Berit Boss'),
  person('me', 'boss', 'Skola', 'Maja Me'),
  person('mine', 'me', 'Skola', 'Mira Mine'),
  person('peer', 'boss', 'Skola', 'Per Peer'),
  person('far', 'boss', 'Omsorg', 'Åke Far'),
  person('also', 'boss', 'Omsorg', 'Anna Also'),
];
const byEmployeeId = new Map(people.map((p) => [p.employeeId, p]));
const me = byEmployeeId.get('me')!;

describe('readNominationForm', () => {
  it('reads ticked boxes with their relationship, the search and the action', () => {
    expect(
      readNominationForm(
        {
          action: ['submit', 'search'],
          q: 'x'.repeat(300),
          'choose-peer': 'yes',
          'relationship-peer': 'other',
          'choose-far': 'yes',
          'choose-none': '',
          'relationship-also': 'peer',
        },
        ['peer', 'other'],
      ),
    ).toEqual({
      action: 'submit',
      query: 'x'.repeat(100),
      choices: [
        { employeeId: 'peer', relationship: 'other' },
        { employeeId: 'far', relationship: 'peer' },
      ],
    });
  });
});

describe('chooserView', () => {
  it('lists the chosen by name, then the others found, and names the org chart', () => {
    const view = chooserView(
      me,
      people,
      byEmployeeId,
      [
        { employeeId: 'peer', relationship: 'other' },
        { employeeId: 'also', relationship: 'peer' },
      ],
      'omsorg',
      ['peer', 'other'],
    );
    expect(
      view.chosen.map((r) => [r.employeeId, r.options.find((o) => o.selected)?.value]),
    ).toEqual([
      ['also', 'peer'],
      ['peer', 'other'],
    ]);
    expect(view.results.map((r) => r.employeeId)).toEqual(['far']);
    expect(view.orgChartNames).toBe('Berit Boss, Mira Mine');
    expect(new Set([...view.chosen, ...view.results].map((r) => r.fieldId)).size).toBe(3);
  });
});
