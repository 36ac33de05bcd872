/**
 * A submit that arrives while a campaign is being closed (PostgreSQL, where the two run side by
 * side): it waits for the closing transaction and then stores nothing, so no answer lands in a
 * campaign after its reports were built and its answers sealed (DESIGN.md, rules 4 and 7).
 * SQLite has one writer at a time: there the close and the submit cannot overlap at all.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import {
  completeForm,
  deliverMail,
  importOrganisation,
  launchCampaign,
  tokenOf,
} from './support/campaign-fixture';
import { testDatabaseKind } from './support/test-database';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';

const onPostgres = testDatabaseKind() === 'postgres' ? it : it.skip;

describe('a submit during a close', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  onPostgres('waits for the closing transaction, then stores nothing', async () => {
    const token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    const campaignId = await launchCampaign(t, token, {
      name: 'Stängs nu',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { employeeIds: ['B1'] },
    });
    const [link] = (await deliverMail(t)).flatMap((mail) => mail.links);
    const itemIds = t.app
      .get(QuestionnaireRegistry)
      .get('huddinge-ledarskap')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const responses = async () =>
      Number(
        (
          await dataSource.query<{ n: string }[]>(
            'SELECT COUNT(*) AS n FROM response WHERE campaign_id = $1',
            [campaignId],
          )
        )[0]?.n,
      );

    // A close under way: its first step changes the campaign row, and it has not committed.
    const closing = new Client({ connectionString: t.database.url });
    await closing.connect();
    try {
      await closing.query('BEGIN');
      await closing.query(`UPDATE campaign SET status = 'closed' WHERE id = $1`, [campaignId]);

      let settled = false;
      const submit = t.http
        .post(`/s/${tokenOf(link as string)}`)
        .type('form')
        .send(completeForm(itemIds))
        .then((response) => {
          settled = true;
          return response;
        });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(settled).toBe(false);
      expect(await responses()).toBe(0);

      await closing.query('COMMIT');
      const response = await submit;
      expect(response.status).toBe(410);
      expect(await responses()).toBe(0);
    } finally {
      await closing.end();
    }
  });
});
