import { defaultValues } from '../campaigns/campaign-form';
import { campaignFormView } from './campaign-form.view';
import { keys, QUESTIONNAIRE } from './fixtures/view-fixtures';

const MANAGERS = [
  { employeeId: 'A1', name: 'Anna Andersson', unit: 'Ledning' },
  { employeeId: 'B1', name: 'Bo Berg', unit: 'Skola' },
];

describe('the new-campaign form', () => {
  const values = {
    ...defaultValues('test'),
    subjectsMode: 'chosen' as const,
    unit: 'Skola',
    employeeIds: ['B1'],
    raterGroups: ['self', 'peer'],
  };

  it('keeps what HR chose: the questionnaire, the unit, the managers, the groups, the mode', () => {
    const view = campaignFormView({
      values,
      problems: [],
      questionnaires: [QUESTIONNAIRE],
      units: ['Ledning', 'Skola'],
      managers: MANAGERS,
      t: keys,
    });
    expect(view.questionnaires).toEqual([
      { key: 'test', title: QUESTIONNAIRE.title, items: 3, selected: true },
    ]);
    expect(view.units).toEqual([
      { unit: 'Ledning', selected: false },
      { unit: 'Skola', selected: true },
    ]);
    expect(view.managers.map((m) => [m.employeeId, m.checked])).toEqual([
      ['A1', false],
      ['B1', true],
    ]);
    expect(view.groups.map((g) => [g.group, g.checked, g.label])).toEqual([
      ['self', true, 'group.self'],
      ['manager', false, 'group.manager'],
      ['direct_report', false, 'group.direct_report'],
      ['peer', true, 'group.peer'],
      ['other', false, 'group.other'],
    ]);
    expect(view.mode).toEqual({ chosen: true });
    expect(view.problems).toEqual([]);
  });

  it('names each problem by its field, links it, and says what the service said of the rest', () => {
    const view = campaignFormView({
      values,
      problems: [
        { field: 'name', message: 'name must be shorter' },
        { field: 'subjects', message: 'no managers found' },
        { field: 'questionnaireVersion', message: 'unknown version' },
      ],
      questionnaires: [QUESTIONNAIRE],
      units: [],
      managers: [],
      t: keys,
    });
    expect(view.problems.map((p) => [p.text, p.anchor])).toEqual([
      ['admin.wizard.problem.name', 'name'],
      ['admin.wizard.problem.subjects', 'subjects-all'],
      ['admin.wizard.problem.other unknown version', 'name'],
    ]);
    expect(view.invalid).toEqual({ name: true, subjects: true, questionnaireVersion: true });
    expect(view.problemOf.subjects).toEqual({ field: 'subjects', message: 'no managers found' });
  });
});
