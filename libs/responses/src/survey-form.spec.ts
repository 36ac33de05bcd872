import type { Questionnaire } from '@ledarspegel/questionnaires';
import { readSurveyAction, readSurveyForm } from './survey-form';

const t = (s: string) => ({ sv: s, en: s });
const questionnaire: Questionnaire = {
  key: 'q',
  version: 1,
  title: t('Q'),
  scale: { min: 1, max: 5, labels: {}, allowNotApplicable: true },
  dimensions: [
    {
      key: 'd',
      title: t('D'),
      items: ['a', 'b', 'c'].map((id) => ({ id, text: t(id), selfText: t(id) })),
    },
  ],
  openQuestions: [{ id: 'good', text: t('Good?') }],
};

describe('readSurveyForm', () => {
  it('reads values, "don\'t know" and comments', () => {
    const form = readSurveyForm(
      questionnaire,
      {
        action: 'submit',
        'item-a': '1',
        'item-b': 'na',
        'item-c': '5',
        'open-good': ' Bra\r\nchef ',
      },
      'submit',
    );
    expect(form).toEqual({
      action: 'submit',
      values: { answers: { a: 1, b: 'na', c: 5 }, comments: { good: 'Bra\nchef' } },
      problems: [],
    });
  });

  it('names missing and invalid answers on submit, only invalid ones on save', () => {
    const body = { action: 'submit', 'item-a': '0', 'item-c': '3', 'item-zzz': '1' };
    expect(readSurveyForm(questionnaire, body, 'submit').problems).toEqual([
      { field: 'item-a', code: 'invalid' },
      { field: 'item-b', code: 'missing' },
    ]);
    expect(readSurveyForm(questionnaire, { ...body, action: 'save' }, 'save').problems).toEqual([
      { field: 'item-a', code: 'invalid' },
    ]);
  });

  it('takes the last of repeated fields and refuses over-long comments', () => {
    const form = readSurveyForm(
      questionnaire,
      { 'item-a': ['1', '2'], 'item-b': '2', 'item-c': '2', 'open-good': 'x'.repeat(4001) },
      'submit',
    );
    expect(form.values.answers.a).toBe(2);
    expect(form.problems).toEqual([{ field: 'open-good', code: 'too_long' }]);
  });
});

describe('readSurveyAction', () => {
  it('takes exactly one submit or save, and nothing else', () => {
    expect(readSurveyAction({ action: 'submit' })).toBe('submit');
    expect(readSurveyAction({ action: 'save' })).toBe('save');
    for (const action of [undefined, '', 'Submit', 'delete', ['submit', 'save'], ['submit'], 1]) {
      expect(readSurveyAction({ action })).toBeNull();
    }
  });
});

describe('readSurveyForm: comments', () => {
  const answered = { 'item-a': '1', 'item-b': '2', 'item-c': '3' };

  it('keeps line breaks and tabs', () => {
    const form = readSurveyForm(
      questionnaire,
      { ...answered, 'open-good': 'Bra\r\n\tchef\rockså' },
      'submit',
    );
    expect(form.problems).toEqual([]);
    expect(form.values.comments.good).toBe('Bra\n\tchef\nockså');
  });

  it.each([
    ['a NUL', 'Bra\u0000chef', 4],
    ['a zero-width space', 'Bra \u200bchef', 5],
    ['a right-to-left override', 'Bra chef\u202E', 9],
    ['a bell', '\u0007', 1],
  ])('refuses %s, naming where it is', (_name, comment, position) => {
    const form = readSurveyForm(questionnaire, { ...answered, 'open-good': comment }, 'submit');
    expect(form.problems).toEqual([{ field: 'open-good', code: 'hidden_character', position }]);
  });
});
