import {
  endOfDayInStockholm,
  formValues,
  serviceProblems,
  toCreateCampaign,
} from './campaign-form';

describe('the campaign form', () => {
  it('reads a form post: trimmed texts, lists from one or many values, a known mode', () => {
    expect(
      formValues({
        name: '  Vår 2027 ',
        subjectsMode: 'sideways',
        employeeIds: 'B1',
        raterGroups: ['self', 'peer', 3],
        showManagerSeparately: 'on',
      }),
    ).toMatchObject({
      name: 'Vår 2027',
      subjectsMode: 'all',
      employeeIds: ['B1'],
      raterGroups: ['self', 'peer'],
      showManagerSeparately: true,
    });
  });

  it('takes nomination by the subjects only when ticked, and names its problems as one field', async () => {
    const now = new Date('2027-03-01T12:00:00Z');
    const base = { name: 'Vår', questionnaireKey: 'test', raterGroups: ['self', 'peer'] };
    const off = await toCreateCampaign(
      formValues({ ...base, nominationMin: 'x', anonymityThreshold: '3' }),
      now,
    );
    expect(off.problems).toEqual([]);
    expect(off.dto?.nomination).toBeUndefined();
    const on = await toCreateCampaign(
      formValues({
        ...base,
        anonymityThreshold: '3',
        nominationBySubject: 'on',
        nominationMin: '2',
        nominationMax: '6',
        nominationApprover: 'hr',
      }),
      now,
    );
    expect(on.problems).toEqual([]);
    expect(on.dto?.nomination).toEqual({ bySubject: true, min: 2, max: 6, approver: 'hr' });
    const bad = await toCreateCampaign(
      formValues({
        ...base,
        anonymityThreshold: '3',
        nominationBySubject: 'on',
        nominationMin: 'två',
        nominationMax: '99',
      }),
      now,
    );
    expect(bad.problems.map((p) => p.field)).toEqual(['nomination']);
  });

  it('ends the closing day at 23:59 in Stockholm, summer and winter', () => {
    expect(endOfDayInStockholm('2027-06-30')?.toISOString()).toBe('2027-06-30T21:59:00.000Z');
    expect(endOfDayInStockholm('2027-01-15')?.toISOString()).toBe('2027-01-15T22:59:00.000Z');
    expect(endOfDayInStockholm('2027-02-30')).toBeNull();
    expect(endOfDayInStockholm('30/6')).toBeNull();
  });

  it('makes the DTO of a good form, and names every problem of a bad one by field', async () => {
    const now = new Date('2027-03-01T12:00:00Z');
    const good = await toCreateCampaign(
      {
        ...formValues({ name: 'Vår', questionnaireKey: 'test', raterGroups: ['self'] }),
        anonymityThreshold: '3',
        reminderDays: '3, 7',
        closesOn: '2027-03-31',
      },
      now,
    );
    expect(good.problems).toEqual([]);
    expect(good.dto).toMatchObject({
      subjects: { allManagers: true },
      anonymityThreshold: 3,
      reminderDays: [3, 7],
      closesAt: '2027-03-31T21:59:00.000Z',
    });
    const bad = await toCreateCampaign(
      {
        ...formValues({ subjectsMode: 'unit', questionnaireKey: 'test' }),
        anonymityThreshold: '1',
        reminderDays: '3, sju',
        closesOn: '2027-02-01',
      },
      now,
    );
    expect(bad.dto).toBeNull();
    expect(bad.problems.map((p) => p.field).sort()).toEqual([
      'anonymityThreshold',
      'closesOn',
      'name',
      'raterGroups',
      'reminderDays',
      'unit',
    ]);
  });

  it("puts the service's refusals on the form's fields", () => {
    expect(
      serviceProblems({
        message: 'Some fields are invalid.',
        details: [
          { field: 'closesAt', message: 'closesAt must be in the future' },
          { field: 'subjects.employeeIds', message: 'unknown or inactive: ZZ9' },
          { message: 'no field' },
        ],
      }),
    ).toEqual([
      { field: 'closesOn', message: 'closesAt must be in the future' },
      { field: 'subjects', message: 'unknown or inactive: ZZ9' },
      { field: 'subjects', message: 'no field' },
    ]);
    expect(serviceProblems({ message: "No questionnaire 'x'." })).toEqual([
      { field: 'subjects', message: "No questionnaire 'x'." },
    ]);
  });
});
