/**
 * The trial mailbox (SMTP_URL unset) shows HR every e-mail, but never a working survey link:
 * whoever has one can answer as the rater. HR sees the survey through a read-only preview.
 */
import fs from 'node:fs';
import path from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import {
  deliverMail,
  importOrganisation,
  ReceivedMail,
  tokenOf,
  launchCampaign,
} from './support/campaign-fixture';
import { consoleSession } from './support/console-session';
import { snapshotDatabase } from './support/database-snapshot';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';

describe('the trial mailbox and the survey preview', () => {
  let t: TestApp;
  let cookie: string;
  let campaignId: string;
  let mails: ReceivedMail[];

  beforeAll(async () => {
    t = await createTestApp();
    const token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    campaignId = await launchCampaign(t, token, {
      name: 'Höst 2026',
      questionnaireKey: 'huddinge-ledarskap',
      subjects: { employeeIds: ['B1', 'C1'] },
    });
    mails = await deliverMail(t);
    ({ cookie } = await consoleSession(t));
  });

  afterAll(() => t?.close());

  it('delivers the links in the .eml files, readable by the owner only', () => {
    const files = fs.readdirSync(t.config.mailDir).filter((name) => name.endsWith('.eml'));
    expect(files.length).toBe(mails.length);
    expect(mails.flatMap((mail) => mail.links).length).toBeGreaterThanOrEqual(10);
    for (const file of files) {
      expect(fs.statSync(path.join(t.config.mailDir, file)).mode & 0o777).toBe(0o600);
    }
  });

  it('shows every message with its survey links masked, in the list and the message', async () => {
    const list = await t.http.get('/admin/mail').set('cookie', cookie).expect(200);
    const files = [...list.text.matchAll(/href="\/admin\/mail\/([\w.-]+\.eml)"/g)].map((m) => m[1]);
    expect(files).toHaveLength(mails.length);
    const tokens = mails.flatMap((mail) => mail.links.map(tokenOf));
    for (const file of files) {
      const page = await t.http.get(`/admin/mail/${file}`).set('cookie', cookie).expect(200);
      expect(page.text).toContain('/s/••••');
      expect(page.text).toContain('Enkätlänkarna visas som /s/•••• här');
      for (const token of tokens) {
        expect(page.text).not.toContain(token);
      }
    }
  });

  it('links the campaign page to a preview of the survey as a rater sees it', async () => {
    const page = await t.http
      .get(`/admin/campaigns/${campaignId}`)
      .set('cookie', cookie)
      .expect(200);
    expect(page.text).toContain(`href="/admin/campaigns/${campaignId}/survey-preview"`);
  });

  it('previews the questionnaire without a token and without a way to send, changing nothing', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const before = await snapshotDatabase(dataSource);
    const questionnaire = t.app.get(QuestionnaireRegistry).get('huddinge-ledarskap');
    const item = questionnaire.dimensions[0]?.items[0];
    const preview = await t.http
      .get(`/admin/campaigns/${campaignId}/survey-preview`)
      .set('cookie', cookie)
      .expect(200)
      .expect('cache-control', 'no-store');
    expect(preview.text).toContain('Förhandsvisning: så här ser enkäten ut för den som svarar');
    expect(preview.text).toContain(item?.text.sv ?? 'missing');
    expect(preview.text).toContain(`name="item-${item?.id}"`);
    expect(preview.text).not.toMatch(/method="post"|action="\/s\//);
    expect(preview.text.match(/<button type="submit"[^>]* disabled>/g)).toHaveLength(2);
    const self = await t.http
      .get(`/admin/campaigns/${campaignId}/survey-preview?as=self&lang=en`)
      .set('cookie', cookie)
      .expect(200);
    expect(self.text).toContain(item?.selfText.en ?? 'missing');
    expect(self.text).toContain('Preview: this is the survey as a rater sees it');
    // nothing to post to, and only HR sees it
    await t.http
      .post(`/admin/campaigns/${campaignId}/survey-preview`)
      .set('cookie', cookie)
      .type('form')
      .send({ action: 'submit' })
      .expect(404);
    const signedOut = await t.http.get(`/admin/campaigns/${campaignId}/survey-preview`);
    expect(signedOut.status).toBe(303);
    expect(await snapshotDatabase(dataSource)).toEqual(before);
  });
});
