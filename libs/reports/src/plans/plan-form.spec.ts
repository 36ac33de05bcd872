import { calendarDate, readPlanForm } from './plan-form';

const items = new Set(['mal-1', 'mal-2', 'fore-1', 'fore-2']);
const valid = {
  focus: ['mal-1', 'fore-2'],
  actions: 'Gå igenom målen på varje APT.',
  support: '',
  startsOn: '2027-01-10',
  reviewOn: '2027-06-30',
  share: 'yes',
};

describe('readPlanForm', () => {
  it('reads a valid plan, one focus item given as a single value too', () => {
    const read = readPlanForm(valid, items);
    expect(read).toMatchObject({
      ok: true,
      share: true,
      fields: {
        focusItems: ['mal-1', 'fore-2'],
        actions: 'Gå igenom målen på varje APT.',
        support: '',
        startsOn: '2027-01-10',
        reviewOn: '2027-06-30',
      },
    });
    expect(readPlanForm({ ...valid, focus: 'mal-2', share: undefined }, items)).toMatchObject({
      ok: true,
      share: false,
      fields: { focusItems: ['mal-2'] },
    });
  });

  it.each([
    [{ focus: [] }, 'focus', 'focus.count'],
    [{ focus: ['mal-1', 'mal-2', 'fore-1', 'fore-2'] }, 'focus', 'focus.count'],
    [{ focus: ['mal-1', 'elsewhere'] }, 'focus', 'focus.unknown'],
    [{ focus: [['mal-1']] }, 'focus', 'focus.unknown'],
    [{ actions: '   ' }, 'actions', 'actions.missing'],
    [{ actions: 'x'.repeat(2001) }, 'actions', 'text.tooLong'],
    [{ support: 'a\u202Eb' }, 'support', 'text.hidden'],
    [{ startsOn: '2027-02-30' }, 'startsOn', 'date.invalid'],
    [{ reviewOn: 'tomorrow' }, 'reviewOn', 'date.invalid'],
    [{ reviewOn: '2026-12-31' }, 'reviewOn', 'date.order'],
  ])('refuses %j', (change, field, code) => {
    const read = readPlanForm({ ...valid, ...change }, items);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.problems).toEqual([{ field, code }]);
  });

  it('keeps line breaks in the actions and counts a repeated item once', () => {
    const read = readPlanForm({ ...valid, focus: ['mal-1', 'mal-1'], actions: 'a\r\nb' }, items);
    expect(read).toMatchObject({ ok: true, fields: { focusItems: ['mal-1'], actions: 'a\nb' } });
  });

  it('knows a calendar date', () => {
    expect(calendarDate('2028-02-29')).toBe('2028-02-29');
    expect(calendarDate('2027-02-29')).toBeNull();
    expect(calendarDate('2027-1-01')).toBeNull();
  });
});
