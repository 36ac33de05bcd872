/**
 * A whole campaign with answers chosen so that groups are suppressed, and every figure of the
 * report JSON checked against values computed by hand:
 * Bo (B1): self answers 4 everywhere; his manager Anna 2 (pooled: not shown separately);
 * direct reports Dan 5, Eva 4, Filip 3 (Greta does not answer); peer Jonas only "don't know"
 * except 1 on the first item (pooled: 2 peers invited < k); peer Karin does not answer.
 * Group level: direct reports 3 ≥ k, but others 5 - 3 = 2 would give the rest away: hidden.
 * First item: others n = 5 passes rule 3, but Jonas answered only that item of the first area,
 * so the area's mean minus its items' means would be his answer: the auditor hides the others'
 * figure on that item (issue 9, finding 1) and keeps the area.
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import pdfParse from 'pdf-parse';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import {
  completeForm,
  deliverMail,
  importOrganisation,
  ReceivedMail,
  tokenOf,
} from './support/campaign-fixture';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';
import { binary } from './support/binary-body';

const SD_5 = Math.sqrt(10 / 4); // 2, 5, 4, 3, 1 around 3
const SD_4 = Math.sqrt(5 / 3); // 2, 5, 4, 3 around 3.5

interface Report {
  subject: { employeeId: string; name: string };
  questionnaire: { key: string; version: number };
  threshold: number;
  groups: { group: string; invited: number; responded: number; shown: boolean }[];
  dimensions: {
    key: string;
    scores: Record<string, { n: number; mean: number; sd: number | null } | null>;
  }[];
  items: {
    id: string;
    scores: Record<
      string,
      {
        n: number;
        mean: number;
        sd: number | null;
        distribution: Record<string, number>;
        notApplicable: number;
      } | null
    >;
  }[];
  comments: {
    others: { questionId: string; text: string }[];
    self: { questionId: string; text: string }[];
  };
  gaps: { dimensions: { key: string; gap: number }[] };
  strengths: { id: string }[];
  developmentAreas: { id: string }[];
  blindSpots: { key: string; gap: number }[];
  trend: {
    dimensions: { key: string; previous: number; current: number; change: number }[];
  } | null;
}

describe('reports: built at close, every figure under disclosure control', () => {
  let t: TestApp;
  let token: string;
  let itemIds: string[];
  let dimensionKeys: string[];
  const auth = () => ({ authorization: `Bearer ${token}` });

  async function runCampaign(
    answers: Record<string, (index: number) => string>,
    comments: Record<string, Record<string, string>> = {},
  ) {
    const created = await t.http
      .post('/api/v1/campaigns')
      .set(auth())
      .send({
        name: 'Ledarskap',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['B1'] },
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    for (const peer of ['J1', 'K1']) {
      await t.http
        .post(`/api/v1/campaigns/${id}/raters`)
        .set(auth())
        .send({ subjectEmployeeId: 'B1', raterEmployeeId: peer, relationship: 'peer' })
        .expect(201);
    }
    await t.http.post(`/api/v1/campaigns/${id}/launch`).set(auth()).expect(200);
    const mails: ReceivedMail[] = await deliverMail(t);
    for (const [email, value] of Object.entries(answers)) {
      const link =
        mails
          .filter((m) => m.to.includes(email))
          .flatMap((m) => m.links)
          .pop() ?? '';
      const form = { ...completeForm(itemIds, value), ...(comments[email] ?? {}) };
      await t.http
        .post(`/s/${tokenOf(link)}`)
        .type('form')
        .send(form)
        .expect(303);
    }
    return id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    const questionnaire = t.app.get(QuestionnaireRegistry).get('huddinge-ledarskap');
    itemIds = questionnaire.dimensions.flatMap((d) => d.items.map((i) => i.id));
    dimensionKeys = questionnaire.dimensions.map((d) => d.key);
  });
  afterAll(() => t.close());

  let first: Report;

  it('builds one report per subject when the campaign closes', async () => {
    const id = await runCampaign(
      {
        'bo@kommun.test': () => '4',
        'anna@kommun.test': () => '2',
        'dan@kommun.test': () => '5',
        'eva@kommun.test': () => '4',
        'filip@kommun.test': () => '3',
        'jonas@kommun.test': (index) => (index === 0 ? '1' : 'na'),
      },
      {
        'bo@kommun.test': { 'open-strengths': 'Jag är tydlig' },
        'dan@kommun.test': { 'open-strengths': 'Lyssnar' },
        'anna@kommun.test': { 'open-develop': 'Delegera mer' },
      },
    );
    await t.http.get(`/api/v1/campaigns/${id}/reports/B1`).set(auth()).expect(409);
    const closed = await t.http.post(`/api/v1/campaigns/${id}/close`).set(auth()).expect(200);
    expect(closed.body).toEqual({ reports: 1 });
    first = (await t.http.get(`/api/v1/campaigns/${id}/reports/B1`).set(auth()).expect(200))
      .body as Report;
    await t.http.get(`/api/v1/campaigns/${id}/reports/D1`).set(auth()).expect(404);
    await t.http.get(`/api/v1/campaigns/${id}/reports/B1`).expect(401);
  });

  it('shows groups per rule 3: direct reports hidden by the residue of pooled answers', () => {
    expect(first.subject).toEqual({ employeeId: 'B1', name: 'Bo Berg' });
    expect(first.questionnaire).toEqual({ key: 'huddinge-ledarskap', version: 1 });
    expect(first.threshold).toBe(3);
    expect(first.groups).toEqual([
      { group: 'self', invited: 1, responded: 1, shown: true },
      { group: 'manager', invited: 1, responded: 1, shown: false },
      { group: 'direct_report', invited: 4, responded: 3, shown: false },
      { group: 'peer', invited: 2, responded: 1, shown: false },
      { group: 'other', invited: 0, responded: 0, shown: false },
      { group: 'others', invited: 7, responded: 5, shown: true },
    ]);
  });

  it('has every item figure as computed by hand', () => {
    const [firstItem, ...rest] = first.items;
    expect(firstItem?.scores).toEqual({
      self: {
        n: 1,
        mean: 4,
        sd: null,
        distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 },
        notApplicable: 0,
      },
      manager: null,
      direct_report: null,
      peer: null,
      other: null,
      others: null, // n = 5, hidden by the auditor: see the top of this file
    });
    expect(rest).toHaveLength(35);
    for (const item of rest) {
      expect(item.scores).toEqual({
        self: {
          n: 1,
          mean: 4,
          sd: null,
          distribution: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 },
          notApplicable: 0,
        },
        manager: null,
        direct_report: null,
        peer: null,
        other: null,
        others: {
          n: 4,
          mean: 3.5,
          sd: expect.closeTo(SD_4, 12),
          distribution: { 1: 0, 2: 1, 3: 1, 4: 1, 5: 1 },
          notApplicable: 1,
        },
      });
    }
  });

  it('has every dimension figure as computed by hand (mean of respondent means)', () => {
    expect(first.dimensions.map((d) => d.key)).toEqual(dimensionKeys);
    expect(first.dimensions[0]?.scores).toEqual({
      self: { n: 1, mean: 4, sd: null },
      manager: null,
      direct_report: null,
      peer: null,
      other: null,
      others: { n: 5, mean: 3, sd: expect.closeTo(SD_5, 12) },
    });
    for (const dimension of first.dimensions.slice(1)) {
      expect(dimension.scores.others).toEqual({ n: 4, mean: 3.5, sd: expect.closeTo(SD_4, 12) });
    }
  });

  it('pools and sorts comments, keeps self apart, and derives gaps, strengths and blind spots', () => {
    expect(first.comments).toEqual({
      others: [
        { questionId: 'strengths', text: 'Lyssnar' },
        { questionId: 'develop', text: 'Delegera mer' },
      ],
      self: [{ questionId: 'strengths', text: 'Jag är tydlig' }],
    });
    expect(first.gaps.dimensions.map((g) => g.gap)).toEqual([1, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(first.blindSpots).toEqual([]);
    expect(first.strengths.map((s) => s.id)).toEqual(itemIds.slice(1, 4));
    expect(first.developmentAreas.map((s) => s.id)).toEqual(itemIds.slice(4, 7));
    expect(first.trend).toBeNull();
  });

  it('renders the report as a tagged PDF with its text and embedded fonts, areas flowing on', async () => {
    const campaigns = (await t.http.get('/api/v1/campaigns').set(auth()).expect(200)).body as {
      id: string;
    }[];
    const id = campaigns[0]?.id ?? '';
    const response = await t.http
      .get(`/api/v1/campaigns/${id}/reports/B1.pdf`)
      .set(auth())
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('content-type', 'application/pdf');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    if (process.env.SCREENSHOT_DIR) {
      fs.writeFileSync(path.join(process.env.SCREENSHOT_DIR, 'report.pdf'), pdf);
    }
    const parsed = await pdfParse(pdf);
    expect(parsed.info).toMatchObject({ Title: 'Rapport för Bo Berg – Ledarskap' });
    // areas flow on rather than one to a page: 5 pages where there were 9
    expect(parsed.numpages).toBeLessThanOrEqual(6);
    expect(parsed.info).toMatchObject({ PDFFormatVersion: '1.7' });
    const text = parsed.text.replace(/\s+/g, ' ');
    expect(text).toContain('Rapport för Bo Berg');
    expect(text).toContain('Tydliggöra mål och förväntningar');
    expect(text).toContain('Min chef sätter tydliga mål');
    expect(text).toContain('Tydliggöra mål och förväntningar4,0 (n=1)3,0 (n=5)');
    expect(text).toContain('Medarbetare43ingår i övriga');
    expect(text).not.toContain('Medarbetare:');
    expect(pdf.toString('latin1')).toMatch(/\/StructTreeRoot/);
    expect(text).toContain('Delegera mer');
    expect(text).toContain('Jag är tydlig');
    expect(pdf.toString('latin1')).toMatch(/\/FontFile2/);
    const english = await pdfParse(
      (
        await t.http
          .get(`/api/v1/campaigns/${id}/reports/B1.pdf?lang=en`)
          .set(auth())
          .buffer(true)
          .parse(binary)
      ).body as Buffer,
    );
    expect(english.text).toContain('Report for Bo Berg');
    await t.http.get(`/api/v1/campaigns/${id}/reports/D1.pdf`).set(auth()).expect(404);
  });

  it('e-mails each manager the PDF and a signed link to the web view, which GET does not spend', async () => {
    fs.rmSync(t.config.mailDir, { recursive: true, force: true });
    const mails = await deliverMail(t);
    const bo = mails.find((m) => m.to.includes('bo@kommun.test'));
    expect(bo?.subject).toBe('Din ledarskapsrapport: Ledarskap');
    expect(bo?.attachments).toEqual([
      {
        filename: 'ledarspegel-B1.pdf',
        contentType: 'application/pdf',
        content: expect.any(Buffer),
      },
    ]);
    expect((await pdfParse(bo?.attachments[0]?.content ?? Buffer.alloc(0))).text).toContain(
      'Rapport för Bo Berg',
    );
    const link = bo?.reportLinks[0] ?? '';
    expect(link).toMatch(/^http:\/\/ledarspegel\.test\/reports\/[\w-]+\.[\w-]+$/);
    const path = link.replace('http://ledarspegel.test', '');
    for (let i = 0; i < 2; i += 1) {
      const page = await t.http.get(path).expect(200).expect('content-type', /html/);
      expect(page.text).toContain('<h1>Rapport för Bo Berg</h1>');
      expect(page.text).toContain(
        '<th scope="row">Min chef sätter tydliga mål åt eller tillsammans med sina medarbetare.</th>',
      );
      expect(page.text).toContain('3,0 <span class="n">(n=5)</span>');
      expect(page.text).toContain('/assets/vendor/chart.umd.min.js');
    }
    await t.http.get('/assets/vendor/chart.umd.min.js').expect(200);
    await t.http.get('/assets/vendor/chart.umd.js').expect(404);
    const forged = await t.http.get(`${path.slice(0, -3)}abc`).expect(404);
    expect(forged.text).toContain('Länken gäller inte');
  });

  it('gives HR the organisation view and exports with only the shown figures', async () => {
    const campaigns = (await t.http.get('/api/v1/campaigns').set(auth()).expect(200)).body as {
      id: string;
    }[];
    const id = campaigns[0]?.id ?? '';
    const summary = await t.http.get(`/api/v1/campaigns/${id}/summary`).set(auth()).expect(200);
    expect(summary.body).toMatchObject({
      campaignId: id,
      threshold: 3,
      managers: [{ employeeId: 'B1', name: 'Bo Berg', unit: 'Skola', invited: 8, responded: 6 }],
      units: [{ unit: 'Skola', invited: 8, responded: 6 }],
    });
    const body = summary.body as {
      managers: { dimensions: Record<string, unknown> }[];
      dimensions: { key: string; others: unknown }[];
    };
    expect(body.managers[0]?.dimensions[dimensionKeys[0] ?? '']).toEqual({ n: 5, mean: 3 });
    expect(body.dimensions[0]).toEqual({
      key: dimensionKeys[0],
      others: { n: 5, mean: 3, managers: 1 },
    });

    const csv = await t.http.get(`/api/v1/campaigns/${id}/export.csv`).set(auth()).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('employee_id,name,unit,dimension,item_id,group,n,mean,sd');
    // 6 dimensions and 36 items with self; others on 6 dimensions and 35 items; nothing else
    expect(lines).toHaveLength(1 + 6 * 2 + 36 + 35);
    expect(lines.some((line) => /,(direct_report|manager|peer),/.test(line))).toBe(false);
    expect(lines).toContain(`B1,Bo Berg,Skola,${dimensionKeys[0]},,others,5,3,${SD_5}`);
    expect(lines.some((line) => line.includes(`,${itemIds[0]},others,`))).toBe(false);

    const xlsx = await t.http
      .get(`/api/v1/campaigns/${id}/export.xlsx`)
      .set(auth())
      .buffer(true)
      .parse(binary)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    const file = xlsx.body as Buffer;
    await workbook.xlsx.load(
      file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(lines.length);
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      'employee_id',
      'name',
      'unit',
      'dimension',
      'item_id',
      'group',
      'n',
      'mean',
      'sd',
    ]);
    await t.http.get(`/api/v1/campaigns/${id}/summary`).expect(401);
  });

  it('shows the trend against the last campaign on the same questionnaire', async () => {
    const id = await runCampaign({
      'bo@kommun.test': () => '5',
      'anna@kommun.test': () => '5',
      'dan@kommun.test': () => '5',
      'eva@kommun.test': () => '5',
      'filip@kommun.test': () => '5',
    });
    await t.http.post(`/api/v1/campaigns/${id}/close`).set(auth()).expect(200);
    const second = (await t.http.get(`/api/v1/campaigns/${id}/reports/B1`).set(auth()).expect(200))
      .body as Report;
    expect(second.trend?.dimensions).toEqual(
      dimensionKeys.map((key, index) => ({
        key,
        previous: index === 0 ? 3 : 3.5,
        previousN: index === 0 ? 5 : 4,
        current: 5,
        change: index === 0 ? 2 : 1.5,
      })),
    );
  });
});
