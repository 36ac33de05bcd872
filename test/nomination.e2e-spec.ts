/**
 * Nomination by the subject (issue 14, part 1), through the API and the /n pages: HR opens
 * nominations, subjects choose peers and others on their page, the manager approves one list
 * with a change, HR approves and overrides, reminders go to those with something to do, and
 * the launch uses the approved lists (the rest keep the org chart). Every refused input is a
 * clear 4xx that writes nothing.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import {
  clearMailDir,
  deliverMail,
  importOrganisation,
  ORGANISATION,
  ReceivedMail,
} from './support/campaign-fixture';
import { consoleSession } from './support/console-session';
import { snapshotDatabase } from './support/database-snapshot';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';

interface SubjectNomination {
  employeeId: string;
  status: string;
  nominated: string[];
  approved: string[];
  approver: string;
  approverEmployeeId: string | null;
  approvedBy: string | null;
  approvedRaters: { employeeId: string; relationship: string }[];
}

const FORM = 'application/x-www-form-urlencoded';

/** The nomination link of a mail (`/n/TOKEN`), as a path. */
function nominationPath(mail: ReceivedMail | undefined): string {
  const match = /https?:\/\/[^/\s]+(\/n\/[A-Za-z0-9_-]{32})/.exec(mail?.text ?? '');
  if (!match?.[1]) {
    throw new Error(`no nomination link in ${mail?.subject ?? 'no mail'}`);
  }
  return match[1];
}

/** A form choosing people: `{E1: 'peer'}` ticks E1 as a peer. */
function choose(
  action: string,
  chosen: Record<string, string>,
  extra: Record<string, string> = {},
): Record<string, string> {
  const form: Record<string, string> = { action, lang: 'en', ...extra };
  for (const [employeeId, relationship] of Object.entries(chosen)) {
    form[`choose-${employeeId}`] = 'yes';
    form[`relationship-${employeeId}`] = relationship;
  }
  return form;
}

describe('nomination of raters by the subject', () => {
  let t: TestApp;
  let token: string;
  let dataSource: DataSource;
  let id: string;
  const auth = () => ({ authorization: `Bearer ${token}` });
  const api = (path: string) => `/api/v1/campaigns/${id}${path}`;
  const snapshot = () => snapshotDatabase(dataSource);
  const nominations = async (): Promise<Map<string, SubjectNomination>> => {
    const response = await t.http.get(api('/nominations')).set(auth()).expect(200);
    const list = (response.body as { bySubject: SubjectNomination[] }).bySubject;
    return new Map(list.map((entry) => [entry.employeeId, entry]));
  };
  /** The request is refused with `status` and nothing in the database changes. */
  const refused = async (status: number, send: () => Promise<{ status: number; text: string }>) => {
    const before = await snapshot();
    const response = await send();
    expect({ status: response.status, text: response.text.slice(0, 400) }).toMatchObject({
      status,
    });
    expect(await snapshot()).toEqual(before);
    return response;
  };
  const mailTo = (mails: ReceivedMail[], address: string) =>
    mails.filter((mail) => mail.to.includes(address));

  // links from the e-mails
  let bo: string;
  let cecilia: string;
  let anna: string;
  let annaApprovesBo: string;

  beforeAll(async () => {
    t = await createTestApp();
    token = await signInAsAdmin(t);
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    await importOrganisation(t, token);
  });
  afterAll(() => t.close());

  it.each([
    [{ bySubject: true, min: -1, max: 3, approver: 'manager' }, 'nomination.min'],
    [{ bySubject: true, min: 4, max: 3, approver: 'manager' }, 'nomination.max'],
    [{ bySubject: true, min: 1, max: 51, approver: 'manager' }, 'nomination.max'],
    [{ bySubject: true, min: 1, max: 3, approver: 'boss' }, 'nomination.approver'],
    [{ bySubject: 'yes', min: 1, max: 3, approver: 'hr' }, 'nomination.bySubject'],
    [{ bySubject: true, min: 1.5, max: 3, approver: 'hr' }, 'nomination.min'],
    [[1, 2], 'nomination'],
  ])('refuses the nomination settings %j with 422 naming %s', async (nomination, field) => {
    const response = await refused(422, () =>
      t.http
        .post('/api/v1/campaigns')
        .set(auth())
        .send({
          name: 'X',
          questionnaireKey: 'huddinge-ledarskap',
          subjects: { allManagers: true },
          nomination,
        }),
    );
    expect(JSON.stringify((response as unknown as { body: unknown }).body)).toContain(field);
  });

  it('refuses nomination on a campaign that asks neither peers nor others', async () => {
    await refused(422, () =>
      t.http
        .post('/api/v1/campaigns')
        .set(auth())
        .send({
          name: 'X',
          questionnaireKey: 'huddinge-ledarskap',
          subjects: { allManagers: true },
          raterGroups: ['self', 'direct_report'],
          nomination: { bySubject: true, min: 1, max: 3, approver: 'manager' },
        }),
    );
  });

  it('takes nomination in the console wizard too, its problems named in the form', async () => {
    const { cookie, csrf } = await consoleSession(t);
    const form = (fields: Record<string, unknown>) =>
      t.http
        .post('/admin/campaigns/new')
        .set('cookie', cookie)
        .type(FORM)
        .send({
          _csrf: csrf,
          name: 'Konsol 2027',
          questionnaireKey: 'kalix-ledarplan',
          subjectsMode: 'chosen',
          employeeIds: ['B1'],
          raterGroups: ['self', 'direct_report', 'peer', 'other'],
          anonymityThreshold: '3',
          nominationBySubject: 'on',
          ...fields,
        });
    const refusedForm = await refused(422, () => form({ nominationMin: '5', nominationMax: '2' }));
    expect(refusedForm.text).toContain('Ange minst 0 och högst 50 valda');
    const created = await form({
      nominationMin: '2',
      nominationMax: '4',
      nominationApprover: 'hr',
    });
    expect(created.status).toBe(303);
    const consoleId = String(created.headers.location).replace('/admin/campaigns/', '');
    const campaign = await t.http.get(`/api/v1/campaigns/${consoleId}`).set(auth()).expect(200);
    expect(campaign.body).toMatchObject({
      nomination: { bySubject: true, min: 2, max: 4, approver: 'hr' },
    });
    const page = await t.http
      .get(`/admin/campaigns/${consoleId}`)
      .set('cookie', cookie)
      .expect(200);
    expect(page.text).toContain('Öppna nomineringen');
  });

  it('creates a campaign with nomination and opens it: one e-mail per subject', async () => {
    const created = await t.http
      .post('/api/v1/campaigns')
      .set(auth())
      .send({
        name: 'Ledarskap 2027',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['A1', 'B1', 'C1'] },
        nomination: { bySubject: true, min: 2, max: 3, approver: 'manager' },
      })
      .expect(201);
    id = (created.body as { id: string }).id;
    expect(created.body).toMatchObject({
      status: 'draft',
      raterGroups: ['self', 'manager', 'direct_report', 'peer', 'other'],
      nomination: { bySubject: true, min: 2, max: 3, approver: 'manager' },
    });

    const opened = await t.http.post(api('/nominations/open')).set(auth()).expect(200);
    expect(opened.body).toEqual({ subjects: 3, emailsQueued: 3 });
    // again: nothing more
    const again = await t.http.post(api('/nominations/open')).set(auth()).expect(200);
    expect(again.body).toEqual({ subjects: 3, emailsQueued: 0 });
    const campaign = await t.http.get(api('')).set(auth()).expect(200);
    expect(campaign.body).toMatchObject({ status: 'nominating' });

    const mails = await deliverMail(t);
    expect(mails).toHaveLength(3);
    bo = nominationPath(mailTo(mails, 'bo@kommun.test')[0]);
    cecilia = nominationPath(mailTo(mails, 'cecilia@kommun.test')[0]);
    anna = nominationPath(mailTo(mails, 'anna@kommun.test')[0]);
    // Cecilia's locale is English, Bo's Swedish; both say min, max and the pooling below k
    const english = mailTo(mails, 'cecilia@kommun.test')[0];
    expect(english?.subject).toContain('choose who gives you feedback');
    expect(english?.text).toContain('Choose 2–3 people here');
    expect(english?.text).toContain('fewer than 3 respondents');
    expect(mailTo(mails, 'bo@kommun.test')[0]?.text).toContain('Välj 2–3 personer här');
    // the token is stored only as its hash
    const stored = JSON.stringify(await dataSource.query('SELECT * FROM nomination_token'));
    expect(stored).not.toContain(bo.slice(3));

    const state = await nominations();
    expect([...state.values()].map((s) => [s.employeeId, s.status, s.approver])).toEqual([
      ['A1', 'waiting', 'hr'], // Anna has no manager: HR approves
      ['B1', 'waiting', 'manager'],
      ['C1', 'waiting', 'manager'],
    ]);
    expect(state.get('B1')?.approverEmployeeId).toBe('A1');
  });

  it("shows the subject's page (GET changes nothing), with search by name or unit", async () => {
    const before = await snapshot();
    const page = await t.http.get(`${bo}?lang=en`).expect(200);
    expect(page.text).toContain('Choose at least 2 and at most 3 people.');
    expect(page.text).toContain('fewer than 3 people in a group');
    // the org chart's raters are named and never offered
    expect(page.text).toContain('Anna Andersson');
    expect(page.text).not.toContain('name="choose-D1"');
    expect(page.text).not.toContain('name="choose-A1"');
    expect(page.text).not.toContain('name="choose-B1"');
    const byUnit = await t.http.get(`${bo}?q=omsorg`).expect(200);
    expect(byUnit.text).toContain('name="choose-H1"');
    expect(byUnit.text).toContain('name="choose-C1"');
    expect(byUnit.text).not.toContain('name="choose-J1"');
    const byName = await t.http.get(`${bo}?q=KARIN`).expect(200);
    expect(byName.text).toContain('name="choose-K1"');
    // searching posts the form back: the ticked stay ticked, nothing is stored
    const search = await t.http
      .post(bo)
      .type(FORM)
      .send(choose('search', { C1: 'peer' }, { q: 'stab' }))
      .expect(200);
    expect(search.text).toMatch(/name="choose-C1" value="yes" checked/);
    expect(search.text).toContain('name="choose-J1"');
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['someone outside the organisation', { C1: 'peer', ZZ9: 'peer' }, 'ZZ9 is not among'],
    ['over the max', { C1: 'peer', J1: 'peer', K1: 'other', H1: 'other' }, 'at most 3'],
    ['under the min', { C1: 'peer' }, 'at least 2'],
    ['themselves', { C1: 'peer', B1: 'peer' }, 'cannot choose yourself'],
    ['their own manager as a peer', { C1: 'peer', A1: 'peer' }, 'answers as manager already'],
    ['a direct report', { C1: 'peer', D1: 'other' }, 'organisation chart already'],
    ['a group the campaign does not ask', { C1: 'peer', J1: 'manager' }, 'Choose a role'],
  ])('refuses a list with %s: 422, the form again, nothing stored', async (_, chosen, text) => {
    const response = await refused(422, () =>
      t.http.post(bo).type(FORM).send(choose('submit', chosen)),
    );
    expect(response.text).toContain('The list could not be stored');
    expect(response.text).toContain(text);
  });

  it('refuses a form sent without its button, and links that do not exist', async () => {
    await refused(400, () =>
      t.http
        .post(bo)
        .type(FORM)
        .send(choose('approve', { C1: 'peer' })),
    );
    await refused(404, () => t.http.post('/n/x'.padEnd(35, 'x')).type(FORM).send({}));
    await t.http.get('/n/short').expect(404);
  });

  it('the subject sends a list; the manager gets a link and approves it with one change', async () => {
    clearMailDir(t);
    await t.http
      .post(bo)
      .type(FORM)
      .send(choose('submit', { C1: 'peer', J1: 'peer', H1: 'other' }))
      .expect(303)
      .expect('location', new RegExp(`^${bo}\\?done=1`));
    let state = (await nominations()).get('B1');
    expect(state).toMatchObject({
      status: 'nominated',
      nominated: ['C1', 'H1', 'J1'],
      approved: [],
    });

    const mails = await deliverMail(t);
    expect(mails.map((m) => m.to)).toEqual([expect.stringContaining('anna@kommun.test')]);
    expect(mails[0]?.subject).toContain('Bo Berg');
    annaApprovesBo = nominationPath(mails[0]);

    const page = await t.http.get(annaApprovesBo).expect(200);
    expect(page.text).toContain('Godkänn Bo Bergs val av svarande');
    expect(page.text).toMatch(/name="choose-H1" value="yes" checked/);
    // the approver's link does not send the subject's list
    await refused(400, () =>
      t.http
        .post(annaApprovesBo)
        .type(FORM)
        .send(choose('submit', { C1: 'peer', J1: 'peer' })),
    );
    // the approver is held to the same rules
    await refused(422, () =>
      t.http
        .post(annaApprovesBo)
        .type(FORM)
        .send(choose('approve', { C1: 'peer', B1: 'peer' })),
    );
    await t.http
      .post(annaApprovesBo)
      .type(FORM)
      .send(choose('approve', { C1: 'peer', J1: 'peer', K1: 'other' }))
      .expect(303);
    state = (await nominations()).get('B1');
    expect(state).toMatchObject({
      status: 'approved',
      nominated: ['C1', 'H1', 'J1'],
      approved: ['C1', 'J1', 'K1'],
      approvedBy: 'manager',
    });
    expect(state?.approvedRaters).toContainEqual({
      employeeId: 'K1',
      name: 'Karin Kvist',
      relationship: 'other',
    });
    // once approved, the subject's list is no longer theirs to change
    const conflict = await refused(409, () =>
      t.http
        .post(bo)
        .type(FORM)
        .send(choose('submit', { C1: 'peer', J1: 'peer' })),
    );
    expect(conflict.text).toContain('approved already');
  });

  it('reminds subjects still waiting, then managers with a list to approve', async () => {
    clearMailDir(t);
    const first = await t.http.post(api('/nominations/remind')).set(auth()).expect(200);
    expect(first.body).toEqual({ subjects: 2, approvers: 0, emailsQueued: 2 });
    const reminders = await deliverMail(t);
    expect(reminders.map((m) => m.to).sort()).toEqual([
      expect.stringContaining('anna@kommun.test'),
      expect.stringContaining('cecilia@kommun.test'),
    ]);
    expect(mailTo(reminders, 'cecilia')[0]?.subject).toContain('Reminder');
    // a reminder's new link works as the first one does
    cecilia = nominationPath(mailTo(reminders, 'cecilia')[0]);

    // Anna (no manager: HR approves) and Cecilia (Anna approves) send their lists
    await t.http
      .post(anna)
      .type(FORM)
      .send(choose('submit', { D1: 'other', H1: 'other' }))
      .expect(303);
    await t.http
      .post(cecilia)
      .type(FORM)
      .send(choose('submit', { D1: 'peer', E1: 'other' }))
      .expect(303);
    clearMailDir(t);
    const second = await t.http.post(api('/nominations/remind')).set(auth()).expect(200);
    expect(second.body).toEqual({ subjects: 0, approvers: 1, emailsQueued: 1 });
    const toApprover = await deliverMail(t);
    // the approval mail queued by Cecilia's list, and the reminder
    expect(toApprover.map((m) => m.to)).toEqual([
      expect.stringContaining('anna@kommun.test'),
      expect.stringContaining('anna@kommun.test'),
    ]);
    expect(toApprover.some((m) => m.subject.startsWith('Påminnelse'))).toBe(true);
  });

  it('refuses an approver who is no longer the manager, and keeps each link to its subject', async () => {
    clearMailDir(t);
    // Anna's approval link for Cecilia, from the reminder above, is taken after Cecilia moves
    // under Jonas: Anna is no longer the one to approve
    await t.http.post(api('/nominations/remind')).set(auth()).expect(200);
    const annaApprovesCecilia = nominationPath((await deliverMail(t))[0]);
    await importOrganisation(
      t,
      token,
      ORGANISATION.replace(
        'C1,Cecilia Ceder,cecilia@kommun.test,A1',
        'C1,Cecilia Ceder,cecilia@kommun.test,J1',
      ),
    );
    const page = await refused(403, () => t.http.get(annaApprovesCecilia));
    expect(page.text).toContain('Den här länken gäller inte för dig');
    await refused(403, () =>
      t.http
        .post(annaApprovesCecilia)
        .type(FORM)
        .send(choose('approve', { D1: 'peer', E1: 'peer' })),
    );
    // Anna's link for Bo still works for Bo only: approving there leaves Cecilia as she was
    const before = (await nominations()).get('C1');
    await t.http
      .post(annaApprovesBo)
      .type(FORM)
      .send(choose('approve', { C1: 'peer', J1: 'peer', K1: 'other' }))
      .expect(303);
    expect((await nominations()).get('C1')).toEqual(before);
    expect((await nominations()).get('C1')?.approverEmployeeId).toBe('J1');
  });

  it('HR approves a list as nominated and overrides it; bad overrides write nothing', async () => {
    await t.http.post(api('/nominations/C1/approve')).set(auth()).expect(200);
    expect((await nominations()).get('C1')).toMatchObject({
      status: 'approved',
      approved: ['D1', 'E1'],
      approvedBy: 'hr',
    });
    const put = (raters: unknown, subject = 'C1') =>
      t.http
        .put(api(`/nominations/${subject}`))
        .set(auth())
        .send({ raters });
    await refused(422, () =>
      put([
        { employeeId: 'ZZ9', relationship: 'peer' },
        { employeeId: 'D1', relationship: 'peer' },
      ]),
    );
    await refused(422, () =>
      put(['D1', 'E1', 'F1', 'G1'].map((employeeId) => ({ employeeId, relationship: 'peer' }))),
    );
    await refused(422, () =>
      put([
        { employeeId: 'J1', relationship: 'peer' },
        { employeeId: 'D1', relationship: 'peer' },
      ]),
    );
    await refused(422, () => put([{ employeeId: 'D1', relationship: 'boss' }]));
    await refused(422, () => put('D1'));
    await refused(404, () => put([{ employeeId: 'D1', relationship: 'peer' }], 'K1'));
    await refused(404, () => t.http.post(api('/nominations/X1/approve')).set(auth()).send());

    // the same refusal through the console's form: the form again, with the problem, 422
    const hr = await consoleSession(t);
    const consoleRefused = await refused(422, () =>
      t.http
        .post(`/admin/campaigns/${id}/nominations/C1`)
        .set('cookie', hr.cookie)
        .type(FORM)
        .send({ ...choose('override', { D1: 'peer', ZZ9: 'peer' }), _csrf: hr.csrf }),
    );
    expect(consoleRefused.text).toContain('not among the active people');
    const overridden = await put([
      { employeeId: 'D1', relationship: 'peer' },
      { employeeId: 'E1', relationship: 'peer' },
      { employeeId: 'F1', relationship: 'other' },
    ]).expect(200);
    const c1 = (overridden.body as { bySubject: SubjectNomination[] }).bySubject.find(
      (s) => s.employeeId === 'C1',
    );
    expect(c1).toMatchObject({
      status: 'approved',
      approved: ['D1', 'E1', 'F1'],
      approvedBy: 'hr',
    });
  });

  it('hostile forms (pages and console) and override bodies never give a 500, and refused ones write nothing', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('peer', 'other', 'submit', 'approve', 'search', 'A1', 'ZZ9', '\u0000', ''),
      fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
    );
    const key = fc.oneof(
      fc.constantFrom(
        'action',
        'q',
        'lang',
        'choose-D1',
        'choose-B1',
        'relationship-D1',
        '__proto__',
      ),
      fc.string({ maxLength: 12 }).map((k) => `choose-${k}`),
    );
    const form = fc.dictionary(key, value, { maxKeys: 8 });
    const hr = await consoleSession(t);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(bo, anna, annaApprovesBo),
        form,
        fc.jsonValue({ maxDepth: 3 }),
        async (path, fields, json) => {
          const before = await snapshot();
          // never a valid submit from here: the lists stay as the scenario left them
          const safe = { ...fields, action: fields.action === 'search' ? 'search' : 'nope' };
          const page = await t.http.post(path).type(FORM).send(safe);
          expect(page.status).toBeLessThan(500);
          if (page.status >= 400) {
            expect(await snapshot()).toEqual(before);
          }
          // HR's form in the console, with a valid session and CSRF token
          const before2 = await snapshot();
          const consoleForm = await t.http
            .post(`/admin/campaigns/${id}/nominations/${path === bo ? 'B1' : 'ZZ9'}`)
            .set('cookie', hr.cookie)
            .type(FORM)
            .send({ ...safe, _csrf: hr.csrf });
          expect(consoleForm.status).toBeLessThan(500);
          if (consoleForm.status >= 400) {
            expect(await snapshot()).toEqual(before2);
          }
          const override = await t.http
            .put(api('/nominations/B1'))
            .set(auth())
            .send({ raters: json } as object);
          expect(override.status).toBeLessThan(500);
          if (override.status >= 400) {
            expect(override.body).toMatchObject({ statusCode: override.status });
          }
        },
      ),
      { numRuns: 25, seed: 20_261_130 },
    );
  });

  it('launches with the approved lists; the subject without approval keeps the org chart', async () => {
    // Bo's list may have been changed by the property above through a valid override: set it
    await t.http
      .put(api('/nominations/B1'))
      .set(auth())
      .send({
        raters: [
          { employeeId: 'C1', relationship: 'peer' },
          { employeeId: 'J1', relationship: 'peer' },
          { employeeId: 'K1', relationship: 'other' },
        ],
      })
      .expect(200);
    clearMailDir(t);
    const launched = await t.http.post(api('/launch')).set(auth()).expect(200);
    const raters = await t.http.get(api('/raters')).set(auth()).expect(200);
    const of = (employeeId: string) =>
      (
        raters.body as {
          subjects: {
            employeeId: string;
            raters: { employeeId: string; relationship: string }[];
          }[];
        }
      ).subjects
        .find((s) => s.employeeId === employeeId)
        ?.raters.map((r) => `${r.employeeId}:${r.relationship}`)
        .sort();
    expect(of('B1')).toEqual(
      [
        'B1:self',
        'A1:manager',
        'D1:direct_report',
        'E1:direct_report',
        'F1:direct_report',
        'G1:direct_report',
        'C1:peer',
        'J1:peer',
        'K1:other',
      ].sort(),
    );
    expect(of('C1')).toEqual(
      [
        'C1:self',
        'J1:manager',
        'H1:direct_report',
        'I1:direct_report',
        'D1:peer',
        'E1:peer',
        'F1:other',
      ].sort(),
    );
    // Anna's list was never approved: her raters are the org chart's (Cecilia moved to Jonas)
    expect(of('A1')).toEqual(
      ['A1:self', 'B1:direct_report', 'J1:direct_report', 'K1:direct_report'].sort(),
    );
    expect(launched.body).toEqual({ invited: 20, emailsQueued: 11 });
    const invitations = await deliverMail(t);
    // Karin rates Anna (direct report) and Bo (nominated): one invitation naming both
    const karin = mailTo(invitations, 'karin@kommun.test');
    expect(karin).toHaveLength(1);
    expect(karin[0]?.links).toHaveLength(2);
    expect(karin[0]?.text).toContain('Bo Berg');
  });

  it('expires every nomination link once the campaign has left nominating', async () => {
    const page = await refused(410, () => t.http.get(bo));
    expect(page.text).toContain('Nomineringen är stängd');
    await refused(410, () =>
      t.http
        .post(bo)
        .type(FORM)
        .send(choose('submit', { C1: 'peer', J1: 'peer' })),
    );
    await refused(410, () =>
      t.http
        .post(annaApprovesBo)
        .type(FORM)
        .send(choose('approve', { C1: 'peer', J1: 'peer' })),
    );
    await refused(409, () => t.http.post(api('/nominations/remind')).set(auth()).send());
    await refused(409, () =>
      t.http
        .put(api('/nominations/B1'))
        .set(auth())
        .send({
          raters: [
            { employeeId: 'C1', relationship: 'peer' },
            { employeeId: 'J1', relationship: 'peer' },
          ],
        }),
    );
    await refused(409, () => t.http.post(api('/nominations/open')).set(auth()).send());
  });
});
