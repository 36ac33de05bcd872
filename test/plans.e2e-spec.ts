/**
 * After the report, through the API and the pages a manager reaches from e-mails only: the
 * conversation guide in the web view, a development plan made from the web view's form (bad input
 * refused with nothing written), shared with the manager's own manager by e-mail, HR's counts, a
 * pulse on the plan's focus items that still suppresses below k, and the next campaign's report
 * following the plan up under rule 10.
 *
 * Bo (B1) is rated by his manager Anna (pooled into others) and his reports Dan, Eva, Filip,
 * Greta; Cecilia (C1) is a subject without a plan. k = 3 throughout.
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import fc from 'fast-check';
import pdfParse from 'pdf-parse';
import { DataSource } from 'typeorm';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import { REPORT_LINK_TTL_SECONDS } from '@ledarspegel/reports';
import {
  clearMailDir,
  deliverMail,
  importOrganisation,
  ReceivedMail,
  tokenOf,
} from './support/campaign-fixture';
import { consoleSession } from './support/console-session';
import { snapshotDatabase } from './support/database-snapshot';
import { createTestApp, setClock, signInAsAdmin, TestApp } from './support/test-app';
import { binary } from './support/binary-body';

interface ItemScores {
  id: string;
  scores: Record<string, { n: number; mean: number } | null>;
}

const ACTIONS = 'Gå igenom målen på varje APT och fråga vad som är oklart.';

describe('after the report: conversation guide, development plan, follow-up and pulse', () => {
  let t: TestApp;
  let token: string;
  let itemIds: string[];
  const auth = () => ({ authorization: `Bearer ${token}` });
  let first: string;
  let reportToken: string;
  let focus: [string, string];
  let reportMailText = '';

  async function answer(
    mails: ReceivedMail[],
    answers: Record<string, (item: string, index: number) => string>,
    items: string[],
  ) {
    for (const [email, value] of Object.entries(answers)) {
      const link = mails.filter((m) => m.to.includes(email)).flatMap((m) => m.links)[0] ?? '';
      const form: Record<string, string> = { action: 'submit' };
      items.forEach((id, index) => {
        form[`item-${id}`] = value(id, index);
      });
      await t.http
        .post(`/s/${tokenOf(link)}`)
        .type('form')
        .send(form)
        .expect(303);
    }
  }

  async function campaign(body: Record<string, unknown>): Promise<string> {
    const created = await t.http
      .post('/api/v1/campaigns')
      .set(auth())
      .send({ questionnaireKey: 'huddinge-ledarskap', ...body })
      .expect(201);
    return (created.body as { id: string }).id;
  }

  async function launchAndCollect(id: string): Promise<ReceivedMail[]> {
    clearMailDir(t);
    await t.http.post(`/api/v1/campaigns/${id}/launch`).set(auth()).expect(200);
    return deliverMail(t);
  }

  async function closeAndCollect(id: string): Promise<ReceivedMail[]> {
    clearMailDir(t);
    await t.http.post(`/api/v1/campaigns/${id}/close`).set(auth()).expect(200);
    return deliverMail(t);
  }

  const report = async (id: string, employeeId: string) =>
    (await t.http.get(`/api/v1/campaigns/${id}/reports/${employeeId}`).set(auth()).expect(200))
      .body as { items: ItemScores[]; followUp?: unknown; strengths: { id: string }[] };
  const counts = async (id: string) =>
    (await t.http.get(`/api/v1/campaigns/${id}/plans`).set(auth()).expect(200)).body as unknown;

  beforeAll(async () => {
    t = await createTestApp();
    token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    const questionnaire = t.app.get(QuestionnaireRegistry).get('huddinge-ledarskap');
    itemIds = questionnaire.dimensions.flatMap((d) => d.items.map((i) => i.id));
    // one behaviour from each of the first two areas
    focus = [
      questionnaire.dimensions[0]?.items[0]?.id ?? '',
      questionnaire.dimensions[1]?.items[0]?.id ?? '',
    ];
    first = await campaign({ name: 'Ledarspegel 2026', subjects: { employeeIds: ['B1', 'C1'] } });
    const mails = await launchAndCollect(first);
    // the first focus item lowest, the second highest; every other 4
    const others = (item: string) => (item === focus[0] ? '2' : item === focus[1] ? '5' : '4');
    await answer(
      mails,
      {
        'bo@kommun.test': () => '4',
        'anna@kommun.test': others,
        'dan@kommun.test': others,
        'eva@kommun.test': others,
        'filip@kommun.test': others,
        'hugo@kommun.test': () => '3',
      },
      itemIds,
    );
    const reports = await closeAndCollect(first);
    const bo = reports.find((m) => m.to.includes('bo@kommun.test'));
    reportMailText = bo?.text ?? '';
    reportToken = tokenOf(bo?.reportLinks[0] ?? '');
  });
  afterAll(() => t.close());

  it('shows the conversation guide in the web view, from the figures it shows, with a link to the plan', async () => {
    const page = await t.http.get(`/reports/${reportToken}`).expect(200);
    expect(page.text).toContain('Samtalsguide: återkoppling till din grupp');
    expect(page.text).toContain('Styrkor att tacka för');
    expect(page.text).toContain('Utvecklingsområden att fråga om');
    // the lowest item, a blind spot too, is the first area to ask about, in the manager's own
    // voice, with the figures the report shows
    const questionnaire = t.app.get(QuestionnaireRegistry).get('huddinge-ledarskap');
    const lowest = questionnaire.dimensions[0]?.items[0]?.selfText.sv.replace(/\.$/, '') ?? '';
    expect(page.text).toContain(`${lowest} (du skattade dig själv 4,0, övriga 2,0)`);
    expect(page.text).toContain(`href="/reports/${reportToken}/plan"`);
    expect(page.text).toContain('Gör din utvecklingsplan');
    // the report e-mail tells the manager what the web view has for them
    expect(reportMailText.replace(/\s+/g, ' ')).toContain(
      'I webbversionen finns också en samtalsguide för återkopplingen till din grupp',
    );
  });

  it('shows the plan form by the report link only, changing nothing', async () => {
    const form = await t.http.get(`/reports/${reportToken}/plan`).expect(200);
    expect(form.text).toContain('Utvecklingsplan för Bo Berg');
    expect(form.text).toContain(`value="${focus[0]}"`);
    expect(form.text).toContain('Dela planen med min chef (Anna Andersson)');
    await t.http.get(`/reports/${reportToken}x/plan`).expect(404);
    await t.http.get('/reports/not-a-token/plan').expect(404);
    await t.http
      .post('/reports/not-a-token/plan')
      .type('form')
      .send({ focus: focus[0] })
      .expect(404);
    expect(await counts(first)).toEqual({ subjects: 2, withPlan: 0, shared: 0 });
  });

  it("lets the report link lapse by the app's clock, the web view and the plan alike", async () => {
    await t.http.get(`/reports/${reportToken}`).expect(200);
    const lapsed = Date.now() + (REPORT_LINK_TTL_SECONDS + 24 * 3600) * 1000;
    setClock(t, () => new Date(lapsed));
    try {
      const page = await t.http.get(`/reports/${reportToken}`).expect(404);
      expect(page.headers['cache-control']).toBe('no-store');
      await t.http.get(`/reports/${reportToken}/plan`).expect(404);
    } finally {
      setClock(t, () => new Date());
    }
    await t.http.get(`/reports/${reportToken}`).expect(200);
  });

  it('refuses a bad plan with the form again, every problem named, and writes nothing', async () => {
    const valid = { focus, actions: ACTIONS, startsOn: '2027-01-10', reviewOn: '2027-06-30' };
    const refused: [Record<string, unknown>, string][] = [
      [{ ...valid, focus: [] }, 'Välj mellan ett och tre fokusbeteenden.'],
      [{ ...valid, focus: itemIds.slice(0, 4) }, 'Välj mellan ett och tre fokusbeteenden.'],
      [{ ...valid, focus: ['no-such-item'] }, 'Välj fokusbeteenden bland rapportens påståenden.'],
      [{ ...valid, actions: '' }, 'Skriv vad du ska göra.'],
      [{ ...valid, actions: 'x'.repeat(2001) }, 'Texten är för lång'],
      [{ ...valid, support: 'a\u202Eb' }, 'osynligt tecken'],
      [{ ...valid, reviewOn: '2027-02-30' }, 'Skriv ett datum som finns'],
      [{ ...valid, reviewOn: '2026-12-31' }, 'Uppföljningen kan inte vara före startdatumet.'],
    ];
    for (const [form, message] of refused) {
      const response = await t.http
        .post(`/reports/${reportToken}/plan`)
        .type('form')
        .send(form)
        .expect(422);
      expect(response.text).toContain(message);
      expect(response.text).toContain('class="error-summary"');
    }
    expect(await counts(first)).toEqual({ subjects: 2, withPlan: 0, shared: 0 });
  });

  let shareLink = '';

  it('saves a plan from the form, shares it with the manager by e-mail, and HR sees counts only', async () => {
    clearMailDir(t);
    const saved = await t.http
      .post(`/reports/${reportToken}/plan`)
      .type('form')
      .send({ focus, actions: ACTIONS, support: 'Coachning', reviewOn: '2027-06-30', share: 'yes' })
      .expect(303);
    expect(saved.headers.location).toBe(`/reports/${reportToken}/plan?saved=1`);
    const again = await t.http.get(`/reports/${reportToken}/plan?saved=1`).expect(200);
    expect(again.text).toContain('Planen är sparad.');
    expect(again.text).toContain(ACTIONS);
    expect(again.text).toMatch(new RegExp(`value="${focus[0]}" checked`));
    expect(await counts(first)).toEqual({ subjects: 2, withPlan: 1, shared: 1 });
    // HR's report JSON says nothing about the plan
    expect(JSON.stringify(await report(first, 'B1'))).not.toContain(ACTIONS);

    const mails = await deliverMail(t);
    expect(mails.map((m) => m.to)).toEqual([expect.stringContaining('anna@kommun.test')]);
    expect(mails[0]?.subject).toBe('Bo Berg delar sin utvecklingsplan med dig');
    shareLink = /https?:\/\/\S+\/plans\/[A-Za-z0-9_.-]+/.exec(mails[0]?.text ?? '')?.[0] ?? '';
    const read = await t.http.get(`/plans/${tokenOf(shareLink)}`).expect(200);
    expect(read.text).toContain(ACTIONS);
    expect(read.text).toContain('Coachning');
    // the share link is not the report link, and the report link is not a share link
    await t.http.get(`/plans/${reportToken}`).expect(404);
    await t.http.get(`/reports/${tokenOf(shareLink)}`).expect(404);

    // saving again does not mail again; unsharing closes the link
    clearMailDir(t);
    await t.http
      .post(`/reports/${reportToken}/plan`)
      .type('form')
      .send({ focus, actions: ACTIONS, reviewOn: '2027-06-30' })
      .expect(303);
    expect(await deliverMail(t)).toEqual([]);
    expect(await counts(first)).toEqual({ subjects: 2, withPlan: 1, shared: 0 });
    await t.http.get(`/plans/${tokenOf(shareLink)}`).expect(404);
    const printable = await t.http.get(`/reports/${reportToken}/plan/print`).expect(200);
    expect(printable.text).toContain(ACTIONS);
  });

  it("shows the counts on the console's results page, with a pulse to start", async () => {
    const { cookie, csrf } = await consoleSession(t);
    const results = await t.http.get(`/admin/campaigns/${first}`).set('cookie', cookie).expect(200);
    expect(results.text).toContain(
      '1 av 2 chefer har gjort en utvecklingsplan, 0 har delat den med sin chef.',
    );
    expect(results.text).not.toContain(ACTIONS);
    expect(results.text).toContain(`action="/admin/campaigns/${first}/pulse"`);
    // without the session's form token: refused, nothing created
    const before = (await t.http.get('/api/v1/campaigns').set(auth()).expect(200))
      .body as unknown[];
    await t.http
      .post(`/admin/campaigns/${first}/pulse`)
      .set('cookie', cookie)
      .type('form')
      .send({})
      .expect(403);
    const after = (await t.http.get('/api/v1/campaigns').set(auth()).expect(200)).body as unknown[];
    expect(after).toHaveLength(before.length);
    const started = await t.http
      .post(`/admin/campaigns/${first}/pulse`)
      .set('cookie', cookie)
      .type('form')
      .send({ _csrf: csrf })
      .expect(303);
    expect(started.headers.location).toMatch(/^\/admin\/campaigns\/[0-9a-f-]{36}$/);
    const draft = await t.http.get(started.headers.location as string).set('cookie', cookie);
    expect(draft.status).toBe(200);
    expect(draft.text).toContain('Ledarspegel 2026 – puls');
  });

  it('gives HR plan counts only with a token, and 404 for an unknown campaign', async () => {
    await t.http.get(`/api/v1/campaigns/${first}/plans`).expect(401);
    await t.http
      .get('/api/v1/campaigns/00000000-0000-4000-8000-000000000000/plans')
      .set(auth())
      .expect(404);
    await t.http.get('/api/v1/campaigns/nope/plans').set(auth()).expect(404);
  });

  let pulse: string;

  it('creates a pulse on only the focus items, for the managers with a plan, and it suppresses below k', async () => {
    const draft = await campaign({ name: 'Utkast', subjects: { employeeIds: ['B1'] } });
    await t.http.post(`/api/v1/campaigns/${draft}/pulse`).set(auth()).send({}).expect(409);
    await t.http
      .post(`/api/v1/campaigns/${first}/pulse`)
      .set(auth())
      .send({ name: 42 })
      .expect(422);
    await t.http
      .post(`/api/v1/campaigns/${first}/pulse`)
      .set(auth())
      .send({ unknown: true })
      .expect(422);
    const created = await t.http
      .post(`/api/v1/campaigns/${first}/pulse`)
      .set(auth())
      .send({})
      .expect(201);
    const body = created.body as { id: string; name: string; status: string; subjects: unknown };
    pulse = body.id;
    expect(body).toMatchObject({ name: 'Ledarspegel 2026 – puls', status: 'draft' });
    expect(body.subjects).toEqual([{ employeeId: 'B1', name: 'Bo Berg' }]);

    const mails = await launchAndCollect(pulse);
    const danLink = mails.filter((m) => m.to.includes('dan@')).flatMap((m) => m.links)[0] ?? '';
    const survey = await t.http.get(`/s/${tokenOf(danLink)}`).expect(200);
    expect(survey.text.match(/type="radio"[^>]*value="1"/g)).toHaveLength(2);
    // Filip answers "don't know" to the second: 2 people, below k, on a two-item report
    await answer(
      mails,
      {
        'bo@kommun.test': () => '4',
        'dan@kommun.test': () => '3',
        'eva@kommun.test': () => '4',
        'filip@kommun.test': (_item, index) => (index === 0 ? '3' : 'na'),
      },
      focus,
    );
    await closeAndCollect(pulse);
    const pulseReport = await report(pulse, 'B1');
    expect(pulseReport.items.map((item) => item.id)).toEqual(focus);
    const [firstItem, secondItem] = pulseReport.items;
    expect(secondItem?.scores.others).toBeNull();
    // the first item from 3 is shown
    expect(firstItem?.scores.others?.n).toBe(3);
    // the console shows the pulse's report on its own items: the two areas, not the other four
    const { cookie } = await consoleSession(t);
    const onConsole = await t.http
      .get(`/admin/campaigns/${pulse}/reports/B1`)
      .set('cookie', cookie)
      .expect(200);
    expect(onConsole.text).toContain('Tydliggöra mål och förväntningar</h2>');
    expect(onConsole.text).not.toContain('Skapa gemensamma visioner</h2>');
    for (const item of pulseReport.items) {
      for (const [group, score] of Object.entries(item.scores)) {
        if (score && group !== 'self') {
          expect(score.n).toBeGreaterThanOrEqual(3);
        }
      }
    }
  });

  it('follows the plan up first in the next report, an earlier figure only where it was shown (rule 10)', async () => {
    const next = await campaign({ name: 'Ledarspegel 2027', subjects: { employeeIds: ['B1'] } });
    const mails = await launchAndCollect(next);
    const better = (item: string) => (item === focus[0] ? '4' : '5');
    await answer(
      mails,
      {
        'bo@kommun.test': () => '4',
        'anna@kommun.test': better,
        'dan@kommun.test': better,
        'eva@kommun.test': better,
        'filip@kommun.test': better,
      },
      itemIds,
    );
    const reportMails = await closeAndCollect(next);
    const mail = reportMails.find((m) => m.to.includes('bo@kommun.test'));
    const pulseFirst = (await report(pulse, 'B1')).items[0]?.scores.others ?? null;

    const page = await t.http.get(`/reports/${tokenOf(mail?.reportLinks[0] ?? '')}`).expect(200);
    const followUp = page.text.indexOf('Uppföljning av din utvecklingsplan');
    expect(followUp).toBeGreaterThan(0);
    expect(followUp).toBeLessThan(page.text.indexOf('Svar per grupp'));
    expect(page.text).toContain('I din utvecklingsplan efter Ledarspegel 2026 valde du');
    expect(page.text).toContain(ACTIONS);
    const rows = page.text.slice(followUp, page.text.indexOf('</table>', followUp));
    // the first focus item: the pulse's figure from 3 (this k) against now; the second was
    // hidden in the pulse, so it has no earlier figure to compare with
    expect(pulseFirst?.n).toBe(3);
    expect(rows).toContain(
      `${(Math.round((pulseFirst?.mean ?? 0) * 10) / 10).toFixed(1).replace('.', ',')} <span class="n">(n=3)</span>`,
    );
    expect(rows.match(/inte jämförbart/g)).toHaveLength(1);
    expect(rows).toContain('+0,7');

    // the PDF the manager gets has it; HR's JSON and PDF do not
    const attached = await pdfParse(mail?.attachments[0]?.content ?? Buffer.alloc(0));
    expect(attached.text.replace(/\s+/g, ' ')).toContain('Uppföljning av din utvecklingsplan');
    const hrJson = await report(next, 'B1');
    expect(hrJson.followUp).toBeUndefined();
    const hrPdf = await t.http
      .get(`/api/v1/campaigns/${next}/reports/B1.pdf`)
      .set(auth())
      .buffer(true)
      .parse(binary)
      .expect(200);
    const hrText = (await pdfParse(hrPdf.body as Buffer)).text.replace(/\s+/g, ' ');
    expect(hrText).not.toContain('Uppföljning av din utvecklingsplan');
    expect(hrText).toContain('Samtalsguide');
  });

  it('never fails on hostile plan forms, and a refused one changes nothing', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    const hostile = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('', 'x'.repeat(2001), '\u0000', '\u202e', '2027-13-01', '__proto__', '../'),
      fc.constantFrom(...focus, 'no-such-item'),
    );
    const field = fc.option(fc.oneof(hostile, fc.array(hostile, { maxLength: 5 })), {
      nil: undefined,
    });
    const form = fc.record({
      focus: field,
      actions: field,
      support: field,
      startsOn: field,
      reviewOn: field,
      share: field,
      extra: field,
    });
    await fc.assert(
      fc.asyncProperty(form, async (fields) => {
        const before = await snapshotDatabase(dataSource);
        const response = await t.http
          .post(`/reports/${reportToken}/plan`)
          .type('form')
          .send(Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)));
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect([400, 413, 415, 422]).toContain(response.status);
          expect(await snapshotDatabase(dataSource)).toEqual(before);
        }
      }),
      { numRuns: 40, seed: 20_261_130 },
    );
  });
});
