import { readRetentionForm } from './retention-form';

describe('readRetentionForm', () => {
  it('reads whole months, and empty as keep for ever', () => {
    expect(readRetentionForm({ reportsMonths: ' 24 ', inactivePeopleMonths: '' })).toEqual({
      ok: true,
      settings: { reportsMonths: 24, inactivePeopleMonths: null },
    });
    expect(readRetentionForm({})).toEqual({
      ok: true,
      settings: { reportsMonths: null, inactivePeopleMonths: null },
    });
  });

  it.each([['0'], ['601'], ['1.5'], ['-3'], ['tolv'], ['1e2'], ['99999']])(
    'refuses %s months',
    (value) => {
      expect(readRetentionForm({ reportsMonths: value, inactivePeopleMonths: value })).toEqual({
        ok: false,
        invalid: ['reportsMonths', 'inactivePeopleMonths'],
      });
    },
  );

  it('refuses a field sent twice', () => {
    expect(readRetentionForm({ reportsMonths: ['12', '24'] })).toEqual({
      ok: false,
      invalid: ['reportsMonths'],
    });
  });
});
