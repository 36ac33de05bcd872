import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';
import { importOrganisation } from './support/campaign-fixture';

interface SubjectPreview {
  employeeId: string;
  counts: Record<string, number>;
  raters: { employeeId: string; relationship: string }[];
  warnings: { group: string; code: string; message: { sv: string; en: string } }[];
}

describe('campaigns: create, review raters, launch', () => {
  let t: TestApp;
  let token: string;
  const auth = () => ({ authorization: `Bearer ${token}` });
  const post = (url: string, body: object) => t.http.post(url).set(auth()).send(body);

  beforeAll(async () => {
    t = await createTestApp();
    token = await signInAsAdmin(t);
    await importOrganisation(t, token);
  });
  afterAll(() => t.close());

  it('needs HR sign-in', async () => {
    await t.http.post('/api/v1/campaigns').send({}).expect(401);
    await t.http.get('/api/v1/campaigns').expect(401);
  });

  it.each([
    [
      {
        name: 'X',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { allManagers: true },
        anonymityThreshold: 1,
      },
      'anonymityThreshold',
    ],
    [{ name: 'X', questionnaireKey: 'nope', subjects: { allManagers: true } }, 'questionnaireKey'],
    [{ name: 'X', questionnaireKey: 'huddinge-ledarskap', subjects: {} }, 'subjects'],
    [
      { name: 'X', questionnaireKey: 'huddinge-ledarskap', subjects: { employeeIds: ['ZZ'] } },
      'subjects.employeeIds',
    ],
    [{ name: '', questionnaireKey: 'huddinge-ledarskap', subjects: { allManagers: true } }, 'name'],
    [
      {
        name: 'X',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { allManagers: true },
        raterGroups: ['boss'],
      },
      'raterGroups',
    ],
    [
      {
        name: 'X',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { allManagers: true },
        closesAt: '2001-01-01T00:00:00Z',
      },
      'closesAt',
    ],
    [
      {
        name: 'X',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { allManagers: true },
        extra: 1,
      },
      'extra',
    ],
  ])('refuses %j with 422 naming %s', async (body, field) => {
    const response = await post('/api/v1/campaigns', body).expect(422);
    expect(JSON.stringify((response.body as { details: unknown }).details)).toContain(field);
    const list = await t.http.get('/api/v1/campaigns').set(auth()).expect(200);
    expect(list.body).toEqual([]);
  });

  it('creates a draft pinned to the questionnaire version, with the unit or all managers as subjects', async () => {
    const unit = await post('/api/v1/campaigns', {
      name: 'Skolan 2026',
      questionnaireKey: 'kalix-ledarplan',
      subjects: { unit: 'Skola' },
    }).expect(201);
    expect(unit.body).toMatchObject({
      status: 'draft',
      questionnaireKey: 'kalix-ledarplan',
      questionnaireVersion: 1,
      anonymityThreshold: 3,
      showManagerSeparately: false,
      raterGroups: ['self', 'manager', 'direct_report', 'peer'],
      subjects: [{ employeeId: 'B1', name: 'Bo Berg' }],
    });
    const all = await post('/api/v1/campaigns', {
      name: 'Alla chefer',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { allManagers: true },
    }).expect(201);
    expect(
      (all.body as { subjects: { employeeId: string }[] }).subjects.map((s) => s.employeeId),
    ).toEqual(['A1', 'B1', 'C1']);
  });

  describe('one campaign through review and launch', () => {
    let id: string;
    beforeAll(async () => {
      const created = await post('/api/v1/campaigns', {
        name: 'Ledarskap hösten 2026',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['B1', 'C1'] },
        raterGroups: ['self', 'manager', 'direct_report', 'peer'],
        closesAt: new Date(Date.now() + 14 * 86400_000).toISOString(),
        reminderDays: [7, 3],
      }).expect(201);
      id = (created.body as { id: string }).id;
      expect(created.body).toMatchObject({ reminderDays: [3, 7] });
    });

    const preview = async () =>
      (await t.http.get(`/api/v1/campaigns/${id}/raters`).set(auth()).expect(200)).body as {
        raters: number;
        assignments: number;
        subjects: SubjectPreview[];
      };

    it('previews who rates whom, warning where a group is below k', async () => {
      const body = await preview();
      const [bo, cecilia] = [
        body.subjects.find((s) => s.employeeId === 'B1'),
        body.subjects.find((s) => s.employeeId === 'C1'),
      ];
      expect(bo?.counts).toEqual({ self: 1, manager: 1, direct_report: 4, peer: 0, other: 0 });
      expect(cecilia?.counts).toEqual({ self: 1, manager: 1, direct_report: 2, peer: 0, other: 0 });
      expect(cecilia?.warnings.map((w) => [w.group, w.code])).toEqual([
        ['direct_report', 'pooled_into_others'],
        ['manager', 'manager_in_others'],
      ]);
      expect(cecilia?.warnings[0]?.message.en).toBe(
        '2 direct reports: fewer than 3, so their answers are pooled into others.',
      );
      expect(bo?.warnings.map((w) => w.code)).toEqual(['manager_in_others']);
      // Anna rates both as manager: one person, two assignments
      expect(body.assignments).toBe(10);
      expect(body.raters).toBe(9);
    });

    it('adds and removes peers in draft, refusing what makes no sense', async () => {
      await post(`/api/v1/campaigns/${id}/raters`, {
        subjectEmployeeId: 'B1',
        raterEmployeeId: 'C1',
        relationship: 'peer',
      }).expect(201);
      await post(`/api/v1/campaigns/${id}/raters`, {
        subjectEmployeeId: 'B1',
        raterEmployeeId: 'J1',
        relationship: 'peer',
      }).expect(201);
      const added = await post(`/api/v1/campaigns/${id}/raters`, {
        subjectEmployeeId: 'B1',
        raterEmployeeId: 'K1',
        relationship: 'peer',
      }).expect(201);
      const bo = (added.body as { subjects: SubjectPreview[] }).subjects.find(
        (s) => s.employeeId === 'B1',
      );
      expect(bo?.counts.peer).toBe(3);
      // the manager is already a rater; a subject cannot be their own peer; not a subject; not a group of this campaign
      await post(`/api/v1/campaigns/${id}/raters`, {
        subjectEmployeeId: 'B1',
        raterEmployeeId: 'A1',
        relationship: 'peer',
      }).expect(409);
      await post(`/api/v1/campaigns/${id}/raters`, {
        subjectEmployeeId: 'B1',
        raterEmployeeId: 'B1',
        relationship: 'peer',
      }).expect(422);
      await post(`/api/v1/campaigns/${id}/raters`, {
        subjectEmployeeId: 'J1',
        raterEmployeeId: 'K1',
        relationship: 'peer',
      }).expect(422);
      await post(`/api/v1/campaigns/${id}/raters`, {
        subjectEmployeeId: 'B1',
        raterEmployeeId: 'ZZ',
        relationship: 'peer',
      }).expect(422);
      await post(`/api/v1/campaigns/${id}/raters`, {
        subjectEmployeeId: 'B1',
        raterEmployeeId: 'J1',
        relationship: 'other',
      }).expect(422);
      await post(`/api/v1/campaigns/${id}/raters`, {
        subjectEmployeeId: 'B1',
        raterEmployeeId: 'J1',
        relationship: 'self',
      }).expect(422);
      await t.http.delete(`/api/v1/campaigns/${id}/raters/B1/K1`).set(auth()).expect(204);
      await t.http.delete(`/api/v1/campaigns/${id}/raters/B1/K1`).set(auth()).expect(404);
      await post(`/api/v1/campaigns/${id}/raters`, {
        subjectEmployeeId: 'B1',
        raterEmployeeId: 'K1',
        relationship: 'peer',
      }).expect(201);
      expect((await preview()).assignments).toBe(13);
    });

    it('launches once: assignments, token hashes only, one invitation per rater', async () => {
      const launched = await t.http.post(`/api/v1/campaigns/${id}/launch`).set(auth()).expect(200);
      expect(launched.body).toEqual({ invited: 13, emailsQueued: 11 });
      const again = await t.http.post(`/api/v1/campaigns/${id}/launch`).set(auth()).expect(200);
      expect(again.body).toEqual(launched.body);
      const dataSource = t.app.get<DataSource>(getDataSourceToken());
      const counted = await dataSource.query(
        `SELECT COUNT(*) AS count FROM outbox_message WHERE campaign_id = '${id}' AND kind = 'invitation'`,
      );
      expect(Number(counted[0]?.count)).toBe(11);
      const campaign = await t.http.get(`/api/v1/campaigns/${id}`).set(auth()).expect(200);
      expect(campaign.body).toMatchObject({ status: 'open', launchedAt: expect.any(String) });
    });

    it('freezes the raters at launch', async () => {
      await post(`/api/v1/campaigns/${id}/raters`, {
        subjectEmployeeId: 'B1',
        raterEmployeeId: 'H1',
        relationship: 'peer',
      }).expect(409);
      await t.http.delete(`/api/v1/campaigns/${id}/raters/B1/K1`).set(auth()).expect(409);
      expect((await preview()).assignments).toBe(13);
    });

    it('answers 404 for an unknown campaign and 409 for closing a draft', async () => {
      await t.http
        .get('/api/v1/campaigns/00000000-0000-4000-8000-000000000000')
        .set(auth())
        .expect(404);
      await t.http.get('/api/v1/campaigns/not-a-uuid').set(auth()).expect(404);
      const draft = await post('/api/v1/campaigns', {
        name: 'D',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['B1'] },
      });
      await t.http
        .post(`/api/v1/campaigns/${(draft.body as { id: string }).id}/close`)
        .set(auth())
        .expect(409);
    });
  });
});
