/**
 * Submits that arrive together are stored together (group commit): each is answered only after
 * the transaction holding it commits, two submits of one link store one response, a submit the
 * database refuses takes no other with it, and the response curve counts each stored one once.
 */
import request from 'supertest';
import type { Response } from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { transaction } from '@ledarspegel/core';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';
import {
  completeForm,
  deliverMail,
  importOrganisation,
  launchCampaign,
  tokenOf,
} from './support/campaign-fixture';

describe('survey submits under load (group commit)', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let campaignId: string;
  let links: string[];
  let itemIds: string[];
  // a listening server: supertest's own listen per request cannot take many at once
  let http: TestAgent;
  const submit = (link: string, comment = 'Tydlig') =>
    http
      .post(`/s/${tokenOf(link)}`)
      .type('form')
      .send({ ...completeForm(itemIds), 'open-strengths': comment });
  /**
   * Holds the writes back for a moment (SQLite: the write queue; PostgreSQL: a lock on the
   * responses), so that the submits sent meanwhile wait together and go in one batch.
   */
  const holdingWrites = async (work: () => Promise<void>) => {
    let begun!: () => void;
    const started = new Promise<void>((resolve) => (begun = resolve));
    const held = transaction(dataSource, async (tx) => {
      if (t.database.kind !== 'sqlite') {
        await tx.query('LOCK TABLE response IN EXCLUSIVE MODE');
      }
      begun();
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    await started;
    await Promise.all([held, work()]);
  };
  const count = async (sql: string) => Number((await dataSource.query(sql))[0]?.n);

  beforeAll(async () => {
    t = await createTestApp();
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    await t.app.listen(0, '127.0.0.1');
    http = request(await t.app.getUrl());
    const token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    campaignId = await launchCampaign(t, token, {
      name: 'Samtidiga svar',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { employeeIds: ['A1', 'B1', 'C1'] },
    });
    links = (await deliverMail(t)).flatMap((mail) => mail.links);
    itemIds = t.app
      .get(QuestionnaireRegistry)
      .get('huddinge-ledarskap')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));
  });
  afterAll(() => t.close());

  it('stores every one of many submits at once, a link submitted twice once', async () => {
    const burst = links.slice(0, 8);
    const twice = burst[0] ?? '';
    let results: Response[] = [];
    await holdingWrites(async () => {
      results = await Promise.all([...burst, twice].map((link) => submit(link)));
    });
    expect(results.map((r) => r.status).sort()).toEqual([...Array<number>(8).fill(303), 410]);
    expect(await count('SELECT COUNT(*) AS n FROM response')).toBe(8);
    expect(await count('SELECT COUNT(*) AS n FROM assignment WHERE answered = true')).toBe(8);
    expect(await count('SELECT SUM(responded) AS n FROM daily_response_count')).toBe(8);
  });

  it('a submit the database refuses fails alone: the others of its batch are stored', async () => {
    const refuse =
      t.database.kind === 'sqlite'
        ? [
            `CREATE TRIGGER refuse_boom BEFORE INSERT ON response WHEN NEW.comments LIKE '%boom%'
             BEGIN SELECT RAISE(ABORT, 'refused'); END`,
          ]
        : [
            `CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN
               IF NEW.comments LIKE '%boom%' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW;
             END $$ LANGUAGE plpgsql`,
            `CREATE TRIGGER refuse_boom BEFORE INSERT ON response
             FOR EACH ROW EXECUTE FUNCTION refuse_boom()`,
          ];
    for (const sql of refuse) {
      await dataSource.query(sql);
    }
    try {
      const burst = links.slice(8, 14);
      let results: Response[] = [];
      await holdingWrites(async () => {
        results = await Promise.all(
          burst.map((link, index) => submit(link, index === 2 ? 'boom' : 'Lyhörd')),
        );
      });
      expect(results.map((r) => r.status)).toEqual([303, 303, 500, 303, 303, 303]);
      expect(await count('SELECT COUNT(*) AS n FROM response')).toBe(13);
      expect(await count('SELECT SUM(responded) AS n FROM daily_response_count')).toBe(13);
      // the refused one is not spent: it can be sent again
      const again = await http.get(`/s/${tokenOf(burst[2] ?? '')}`);
      expect(again.status).toBe(200);
    } finally {
      await dataSource.query(
        'DROP TRIGGER refuse_boom' + (t.database.kind === 'sqlite' ? '' : ' ON response'),
      );
      if (t.database.kind !== 'sqlite') {
        await dataSource.query('DROP FUNCTION refuse_boom');
      }
    }
    await submit(links[10] ?? '').expect(303);
    expect(
      await count(`SELECT COUNT(*) AS n FROM response WHERE campaign_id = '${campaignId}'`),
    ).toBe(14);
  });
});
