import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';

interface QuestionnaireBody {
  key: string;
  version: number;
  title: { sv: string; en: string };
  scale: {
    min: number;
    max: number;
    labels: Record<string, { sv: string; en: string }>;
    allowNotApplicable: boolean;
  };
  dimensions: {
    key: string;
    title: { sv: string; en: string };
    items: { id: string; text: object; selfText: object }[];
  }[];
  openQuestions: { id: string; text: { sv: string; en: string } }[];
}

describe('questionnaires', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp();
    token = await signInAsAdmin(t);
  });
  afterAll(() => t.close());

  const get = (url: string) => t.http.get(url).set('authorization', `Bearer ${token}`);

  it('lists the two seeded questionnaires', async () => {
    const response = await get('/api/v1/questionnaires').expect(200);
    const list = response.body as {
      key: string;
      version: number;
      itemCount: number;
      dimensionCount: number;
    }[];
    expect(list.map((q) => [q.key, q.dimensionCount, q.itemCount])).toEqual([
      ['huddinge-ledarskap', 6, 36],
      ['kalix-ledarplan', 4, 24],
    ]);
  });

  it.each([
    ['huddinge-ledarskap', 6, 36],
    ['kalix-ledarplan', 4, 24],
  ])('serves %s in the documented shape', async (key, dimensions, items) => {
    const response = await get(`/api/v1/questionnaires/${key}`).expect(200);
    const body = response.body as QuestionnaireBody;
    expect(body).toMatchObject({ key, version: 1 });
    expect(body.title.sv).toBeTruthy();
    expect(body.title.en).toBeTruthy();
    expect(body.scale).toMatchObject({ min: 1, max: 5, allowNotApplicable: true });
    expect(Object.keys(body.scale.labels)).toEqual(['1', '2', '3', '4', '5']);
    expect(body.dimensions).toHaveLength(dimensions);
    const all = body.dimensions.flatMap((d) => d.items);
    expect(all).toHaveLength(items);
    for (const item of all) {
      expect(Object.keys(item).sort()).toEqual(['id', 'selfText', 'text']);
      expect(item.text).toEqual({
        sv: expect.stringMatching(/^Min chef /),
        en: expect.stringMatching(/^My manager /),
      });
      expect(item.selfText).toEqual({
        sv: expect.stringMatching(/^Jag /),
        en: expect.stringMatching(/^I /),
      });
    }
    expect(body.openQuestions.length).toBeGreaterThanOrEqual(2);
    const again = await get(`/api/v1/questionnaires/${key}?version=1`).expect(200);
    expect(again.body).toEqual(body);
  });

  it('answers 404 for an unknown key or version', async () => {
    await get('/api/v1/questionnaires/nope').expect(404);
    await get('/api/v1/questionnaires/huddinge-ledarskap?version=9').expect(404);
    await get('/api/v1/questionnaires/huddinge-ledarskap?version=abc').expect(422);
  });
});
