/**
 * DESIGN.md rule 7, "sealed at close", tried the way issue 9 ("Storage after close") found it
 * broken: with a copy of the database after the close, join what can be joined and look for
 * any answer that still leads to a person or to its place in the order of submission.
 *
 * Runs on SQLite (a file database, so the file and its WAL can be read byte by byte) and, with
 * TEST_DATABASE_URL=postgres://..., on PostgreSQL (`xmin`, `ctid`, and with pageinspect every
 * row version left in the heap). Checks that only make sense on one database are skipped on
 * the other, and say so in their name.
 *
 * Campaign (k = 3, manager shown separately), 16 submits in a known order:
 * - Bo (B1): self, his manager Anna, 4 direct reports, 2 peers (Jonas, Karin): direct reports
 *   are shown, the manager is hidden by the residue rule, so her row must lose its label.
 * - Cecilia (C1): self, Anna and one of her two direct reports (Hugo): others n = 2 < k, the
 *   report shows nobody but self, so those two rows must be gone. Ida only saves a draft.
 * - Anna (A1): self and her 4 direct reports.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getDataSourceToken } from '@nestjs/typeorm';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CampaignScheduler, InvitationComposer } from '@ledarspegel/campaigns';
import { OutboxMessage } from '@ledarspegel/mail';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import {
  clearMailDir,
  completeForm,
  deliverMail,
  importOrganisation,
  ReceivedMail,
  tokenOf,
} from './support/campaign-fixture';
import { createTestApp, setClock, signInAsAdmin, TestApp } from './support/test-app';
import { createTestDatabase, TestDatabase, testDatabaseKind } from './support/test-database';

const K = 3;
const KIND = testDatabaseKind();
const onSqlite = KIND === 'sqlite' ? it : it.skip;
const onPostgres = KIND === 'postgres' ? it : it.skip;

interface Submit {
  email: string;
  /** the subject's name, or 'self' */
  subject: string;
  marker: string;
}

interface Report {
  groups: { group: string; shown: boolean }[];
}

interface Progress {
  invited: number;
  responded: number;
  bySubject: { employeeId: string; invited: number; responded: number }[];
}

const marker = (label: string) => `${label}-${randomBytes(6).toString('hex')}`;

/** The order the answers come in; each carries a comment no other row has. */
const SUBMITS: Submit[] = [
  ['dan@kommun.test', 'Bo Berg'],
  ['bo@kommun.test', 'self'],
  ['anna@kommun.test', 'Bo Berg'],
  ['jonas@kommun.test', 'Bo Berg'],
  ['eva@kommun.test', 'Bo Berg'],
  ['hugo@kommun.test', 'Cecilia Ceder'],
  ['cecilia@kommun.test', 'Anna Andersson'],
  ['filip@kommun.test', 'Bo Berg'],
  ['anna@kommun.test', 'self'],
  ['karin@kommun.test', 'Bo Berg'],
  ['bo@kommun.test', 'Anna Andersson'],
  ['anna@kommun.test', 'Cecilia Ceder'],
  ['greta@kommun.test', 'Bo Berg'],
  ['jonas@kommun.test', 'Anna Andersson'],
  ['cecilia@kommun.test', 'self'],
  ['karin@kommun.test', 'Anna Andersson'],
].map(([email, subject], index) => ({
  email: email ?? '',
  subject: subject ?? '',
  marker: marker(`SVAR${index}`),
}));
/** the rows Cecilia's report (nobody but self shown) must take with it */
const DELETED = SUBMITS.filter((s) => s.subject === 'Cecilia Ceder');
const KEPT = SUBMITS.filter((s) => !DELETED.includes(s));
const SUBMITTED_DRAFT = marker('UTKAST');
const ABANDONED_DRAFT = marker('UTKAST');

describe('sealed at close: a database copy links no answer to a person (rule 7)', () => {
  let database: TestDatabase;
  let databaseFile = '';
  let t: TestApp;
  let dataSource: DataSource;
  let token: string;
  let campaignId: string;
  let itemIds: string[];
  let mails: ReceivedMail[];
  let progressWhileOpen: Progress;
  /** the WAL's size as the close left it, before HR reads a report (which the audit trail records) */
  let walAfterClose = -1;
  const open: { xminJoin: number; dailyJoin: number; ctidOrder: number[]; submitXids: string[] } = {
    xminJoin: 0,
    dailyJoin: 0,
    ctidOrder: [],
    submitXids: [],
  };
  const auth = () => ({ authorization: `Bearer ${token}` });

  const query = <T>(sql: string, parameters: Record<string, unknown> = {}): Promise<T[]> => {
    const [text, bound] = dataSource.driver.escapeQueryWithParameters(sql, parameters, {});
    return dataSource.query<T[]>(text, bound);
  };
  const count = async (sql: string, parameters: Record<string, unknown> = {}) =>
    Number((await query<{ n: number | string }>(sql, parameters))[0]?.n ?? -1);

  /** Which of a rater's links is for which subject: the survey page says it (read once, before any submit). */
  const links = new Map<string, string>();
  async function readLinks(): Promise<void> {
    for (const mail of mails) {
      for (const link of mail.links) {
        const page = await t.http.get(`/s/${tokenOf(link)}?lang=sv`).expect(200);
        const subject = page.text.includes('Din självskattning')
          ? 'self'
          : (/<h1>Bedöm ([^<]+)<\/h1>/.exec(page.text)?.[1] ?? '');
        links.set(`${mail.to}|${subject}`, `/s/${tokenOf(link)}`);
      }
    }
  }
  function linkFor(email: string, subject: string): string {
    const found = [...links].find(([key]) => key.includes(email) && key.endsWith(`|${subject}`));
    if (!found) {
      throw new Error(`no link of ${email} for ${subject}`);
    }
    return found[1];
  }

  /** The order of the campaign's rows by the marker of each, as stored physically (ctid). */
  async function ctidOrder(): Promise<number[]> {
    const rows = await query<{ comments: string }>(
      'SELECT comments FROM response WHERE campaign_id = :id ORDER BY ctid',
      { id: campaignId },
    );
    return rows.map(({ comments }) => SUBMITS.findIndex((s) => comments.includes(s.marker)));
  }

  /** Every row version in a table's heap pages, dead ones included (pageinspect). */
  async function heap(table: string) {
    return query<{ flags: number; xmin: string | null; xmax: string | null }>(
      `SELECT p.lp_flags AS flags, p.t_xmin::text AS xmin, p.t_xmax::text AS xmax
       FROM generate_series(0, (pg_relation_size(:table::text::regclass) / current_setting('block_size')::int)::int - 1) AS block,
         LATERAL heap_page_items(get_raw_page(:table::text, block)) AS p`,
      { table },
    );
  }

  beforeAll(async () => {
    if (KIND === 'sqlite') {
      const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'ledarspegel-seal-'));
      databaseFile = path.join(directory, 'ledarspegel.sqlite');
      database = {
        url: `sqlite:${databaseFile}`,
        kind: 'sqlite',
        drop: () => Promise.resolve(fs.rmSync(directory, { recursive: true, force: true })),
      };
    } else {
      database = await createTestDatabase();
    }
    t = await createTestApp({}, { database });
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    itemIds = t.app
      .get(QuestionnaireRegistry)
      .get('huddinge-ledarskap')
      .dimensions.flatMap((d) => d.items.map((i) => i.id));

    const created = await t.http
      .post('/api/v1/campaigns')
      .set(auth())
      .send({
        name: 'Förseglad',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['A1', 'B1', 'C1'] },
        anonymityThreshold: K,
        showManagerSeparately: true,
      })
      .expect(201);
    campaignId = (created.body as { id: string }).id;
    for (const peer of ['J1', 'K1']) {
      await t.http
        .post(`/api/v1/campaigns/${campaignId}/raters`)
        .set(auth())
        .send({ subjectEmployeeId: 'B1', raterEmployeeId: peer, relationship: 'peer' })
        .expect(201);
    }
    await t.http.post(`/api/v1/campaigns/${campaignId}/launch`).set(auth()).expect(200);
    mails = await deliverMail(t);
    await readLinks();

    // Greta saves a draft and submits later; Ida saves one and never submits.
    await t.http
      .post(linkFor('greta@kommun.test', 'Bo Berg'))
      .type('form')
      .send({ action: 'save', 'open-strengths': SUBMITTED_DRAFT })
      .expect(303);
    await t.http
      .post(linkFor('ida@kommun.test', 'Cecilia Ceder'))
      .type('form')
      .send({ action: 'save', 'open-develop': ABANDONED_DRAFT })
      .expect(303);
    for (const [index, submit] of SUBMITS.entries()) {
      await t.http
        .post(linkFor(submit.email, submit.subject))
        .type('form')
        .send({
          ...completeForm(itemIds, (item) => String(((index + item) % 5) + 1)),
          'open-strengths': submit.marker,
        })
        .expect(303);
    }

    progressWhileOpen = (
      await t.http.get(`/api/v1/campaigns/${campaignId}/progress`).set(auth()).expect(200)
    ).body as Progress;
    if (KIND === 'postgres') {
      // What a database administrator sees while the campaign is open (docs/anonymity.md).
      open.xminJoin = await count(
        'SELECT COUNT(*) AS n FROM response r JOIN assignment a ON a.xmin = r.xmin WHERE r.campaign_id = :id',
        { id: campaignId },
      );
      open.dailyJoin = await count(
        'SELECT COUNT(*) AS n FROM response r JOIN daily_response_count d ON d.xmin = r.xmin WHERE r.campaign_id = :id',
        { id: campaignId },
      );
      open.ctidOrder = await ctidOrder();
      open.submitXids = (
        await query<{ xid: string }>(
          'SELECT xmin::text AS xid FROM assignment WHERE campaign_id = :id AND answered',
          { id: campaignId },
        )
      ).map(({ xid }) => xid);
    }
    const closed = await t.http
      .post(`/api/v1/campaigns/${campaignId}/close`)
      .set(auth())
      .expect(200);
    expect(closed.body).toEqual({ reports: 3 });
    // On PostgreSQL a transaction elsewhere on the server (another test file's) can hold the
    // physical seal back a while; the scheduler tries it again, as it does in production.
    for (let round = 0; round < 10 && (await sealedAt()) === null; round += 1) {
      await t.app.get(CampaignScheduler).tick();
    }
    const wal = `${databaseFile}-wal`;
    walAfterClose = fs.existsSync(wal) ? fs.statSync(wal).size : 0;
  });

  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const personIds = async () =>
    new Map(
      (await query<{ id: string; employee_id: string }>('SELECT id, employee_id FROM person')).map(
        (p) => [p.employee_id, p.id],
      ),
    );
  const reportOf = async (employeeId: string) =>
    (
      await t.http
        .get(`/api/v1/campaigns/${campaignId}/reports/${employeeId}`)
        .set(auth())
        .expect(200)
    ).body as Report;

  it('deletes the rows of a subject whose report shows nobody but self, and keeps self', async () => {
    const cecilia = await reportOf('C1');
    expect(cecilia.groups.filter((g) => g.shown).map((g) => g.group)).toEqual(['self']);
    const rows = await query<{ rater_group: string | null; comments: string }>(
      'SELECT rater_group, comments FROM response WHERE campaign_id = :id AND subject_id = :subject',
      { id: campaignId, subject: (await personIds()).get('C1') },
    );
    expect(rows.map((r) => r.rater_group)).toEqual(['self']);
    expect(
      await count('SELECT COUNT(*) AS n FROM response WHERE campaign_id = :id', { id: campaignId }),
    ).toBe(KEPT.length);
  });

  it('keeps no stored group narrower than the report shows: each label holds 0 or at least k rows', async () => {
    const ids = await personIds();
    for (const employeeId of ['A1', 'B1', 'C1']) {
      const report = await reportOf(employeeId);
      const shown = new Set(report.groups.filter((g) => g.shown).map((g) => g.group));
      const labels = await query<{ rater_group: string | null; n: number | string }>(
        `SELECT rater_group, COUNT(*) AS n FROM response WHERE campaign_id = :id AND subject_id = :subject
         GROUP BY rater_group`,
        { id: campaignId, subject: ids.get(employeeId) },
      );
      for (const { rater_group: group, n } of labels) {
        if (group === null || group === 'self') {
          continue;
        }
        expect({ employeeId, group, shown: shown.has(group) }).toEqual({
          employeeId,
          group,
          shown: true,
        });
        if (group !== 'manager') {
          expect(Number(n)).toBeGreaterThanOrEqual(K);
        }
      }
    }
    // Bo's manager is hidden by the residue rule: Anna's answer about him lost its label.
    expect((await reportOf('B1')).groups.find((g) => g.group === 'manager')?.shown).toBe(false);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM response WHERE campaign_id = :id AND rater_group = 'manager'`,
        { id: campaignId },
      ),
    ).toBe(0);
  });

  it('keeps counts, not who answered: every assignment unanswered, the tallies hold the counts', async () => {
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM assignment WHERE campaign_id = :id AND answered = :yes',
        {
          id: campaignId,
          yes: true,
        },
      ),
    ).toBe(0);
    expect(
      await count('SELECT COUNT(*) AS n FROM assignment WHERE campaign_id = :id', {
        id: campaignId,
      }),
    ).toBe(17);
    const ids = await personIds();
    const employeeOf = new Map([...ids].map(([employeeId, id]) => [id, employeeId]));
    const tallies = await query<{
      subject_id: string;
      relationship: string;
      invited: number | string;
      responded: number | string;
    }>(
      'SELECT subject_id, relationship, invited, responded FROM subject_tally WHERE campaign_id = :id',
      {
        id: campaignId,
      },
    );
    expect(
      tallies
        .map((row) => ({
          subject: employeeOf.get(row.subject_id),
          relationship: row.relationship,
          invited: Number(row.invited),
          responded: Number(row.responded),
        }))
        .sort((a, b) =>
          `${a.subject}${a.relationship}`.localeCompare(`${b.subject}${b.relationship}`),
        ),
    ).toEqual([
      { subject: 'A1', relationship: 'direct_report', invited: 4, responded: 4 },
      { subject: 'A1', relationship: 'self', invited: 1, responded: 1 },
      { subject: 'B1', relationship: 'direct_report', invited: 4, responded: 4 },
      { subject: 'B1', relationship: 'manager', invited: 1, responded: 1 },
      { subject: 'B1', relationship: 'peer', invited: 2, responded: 2 },
      { subject: 'B1', relationship: 'self', invited: 1, responded: 1 },
      { subject: 'C1', relationship: 'direct_report', invited: 2, responded: 1 },
      { subject: 'C1', relationship: 'manager', invited: 1, responded: 1 },
      { subject: 'C1', relationship: 'self', invited: 1, responded: 1 },
    ]);
  });

  it('reads progress and the summary from the tallies once closed', async () => {
    const progress = (
      await t.http.get(`/api/v1/campaigns/${campaignId}/progress`).set(auth()).expect(200)
    ).body as Progress;
    expect(progressWhileOpen).toMatchObject({ invited: 17, responded: 16 });
    expect(progress.invited).toBe(progressWhileOpen.invited);
    expect(progress.responded).toBe(progressWhileOpen.responded);
    expect(progress.bySubject).toEqual(progressWhileOpen.bySubject);
    const summary = (
      await t.http.get(`/api/v1/campaigns/${campaignId}/summary`).set(auth()).expect(200)
    ).body as { managers: { employeeId: string; invited: number; responded: number }[] };
    expect(
      summary.managers
        .map(({ employeeId, invited, responded }) => ({ employeeId, invited, responded }))
        .sort((a, b) => a.employeeId.localeCompare(b.employeeId)),
    ).toEqual([
      { employeeId: 'A1', invited: 5, responded: 5 },
      { employeeId: 'B1', invited: 8, responded: 8 },
      { employeeId: 'C1', invited: 4, responded: 3 },
    ]);
  });

  it('deletes the drafts at close, and a reminder composed for the closed campaign sends nothing', async () => {
    expect(await count('SELECT COUNT(*) AS n FROM draft')).toBe(0);
    const ida = (await personIds()).get('I1');
    const message = {
      kind: 'reminder',
      payload: JSON.stringify({ campaignId, raterId: ida }),
    } as OutboxMessage;
    await expect(t.app.get(InvitationComposer).compose(message)).resolves.toBeNull();
  });

  it('records when the storage was sealed', async () => {
    const [campaign] = await query<{ sealed_at: unknown }>(
      'SELECT sealed_at FROM campaign WHERE id = :id',
      { id: campaignId },
    );
    expect(campaign?.sealed_at).not.toBeNull();
  });

  onPostgres(
    '[PostgreSQL only] while open, xmin ties each answer to its assignment (but not to the daily counter)',
    () => {
      expect(open.xminJoin).toBe(SUBMITS.length);
      expect(open.dailyJoin).toBe(0);
      // heap order follows submission order (a page may take a row into space freed earlier,
      // so not always exactly): most neighbours in ctid order were submitted one after the other
      const inOrder = open.ctidOrder.filter(
        (submit, i) => i > 0 && submit > (open.ctidOrder[i - 1] ?? 0),
      );
      expect(inOrder.length).toBeGreaterThanOrEqual(SUBMITS.length - 3);
    },
  );

  onPostgres(
    '[PostgreSQL only] after close, no xmin of a response matches an assignment or the daily counter',
    async () => {
      expect(
        await count(
          'SELECT COUNT(*) AS n FROM response r JOIN assignment a ON a.xmin = r.xmin WHERE r.campaign_id = :id',
          { id: campaignId },
        ),
      ).toBe(0);
      expect(
        await count(
          'SELECT COUNT(*) AS n FROM response r JOIN daily_response_count d ON d.xmin = r.xmin WHERE r.campaign_id = :id',
          { id: campaignId },
        ),
      ).toBe(0);
    },
  );

  onPostgres(
    '[PostgreSQL only] after close, the ctid order of the rows is not the order of submission',
    async () => {
      const order = await ctidOrder();
      expect([...order].sort((a, b) => a - b)).toEqual(KEPT.map((s) => SUBMITS.indexOf(s)));
      expect(order).not.toEqual(KEPT.map((s) => SUBMITS.indexOf(s)));
    },
  );

  onPostgres(
    '[PostgreSQL only] no old row version is left in the heap, and no submit transaction id anywhere',
    async () => {
      await query('CREATE EXTENSION IF NOT EXISTS pageinspect').catch((error: Error) => {
        throw new Error(
          `this check reads heap pages with pageinspect (needs a superuser): ${error.message}`,
        );
      });
      expect(open.submitXids).toHaveLength(SUBMITS.length);
      const submitXids = new Set(open.submitXids);
      for (const table of ['response', 'assignment', 'draft', 'daily_response_count']) {
        const versions = await heap(table);
        const live = await count(`SELECT COUNT(*) AS n FROM "${table}"`);
        // after VACUUM FULL: one normal line pointer per live row, nothing dead or redirected
        expect({ table, versions: versions.filter((v) => v.xmin !== null).length }).toEqual({
          table,
          versions: live,
        });
        expect(versions.filter((v) => v.flags !== 1)).toEqual([]);
        const leaked = versions.filter(
          (v) => submitXids.has(v.xmin ?? '') || submitXids.has(v.xmax ?? ''),
        );
        expect({ table, leaked }).toEqual({ table, leaked: [] });
      }
    },
  );

  onSqlite('[SQLite only] runs with secure_delete on', async () => {
    expect(await query<Record<string, number>>('PRAGMA secure_delete')).toEqual([
      { secure_delete: 1 },
    ]);
  });

  onSqlite('[SQLite only] the WAL is empty after close', () => {
    expect(walAfterClose).toBe(0);
  });

  onSqlite(
    '[SQLite only] deleted drafts and deleted answers are nowhere in the file or the WAL',
    () => {
      const files = [databaseFile, `${databaseFile}-wal`].filter((file) => fs.existsSync(file));
      const bytes = Buffer.concat(files.map((file) => fs.readFileSync(file)));
      // the scan sees what is there: a kept answer's comment is in the file
      expect(bytes.includes(KEPT[0]?.marker ?? '-')).toBe(true);
      for (const gone of [SUBMITTED_DRAFT, ABANDONED_DRAFT, ...DELETED.map((s) => s.marker)]) {
        expect({ gone, found: bytes.includes(gone) }).toEqual({ gone, found: false });
      }
    },
  );

  const sealedAt = async () =>
    (
      await query<{ sealed_at: unknown }>('SELECT sealed_at FROM campaign WHERE id = :id', {
        id: campaignId,
      })
    )[0]?.sealed_at ?? null;
  const walSize = () => {
    const wal = `${databaseFile}-wal`;
    return fs.existsSync(wal) ? fs.statSync(wal).size : 0;
  };

  it('the scheduler finishes a physical seal that a crash left undone', async () => {
    await query('UPDATE campaign SET sealed_at = NULL WHERE id = :id', { id: campaignId });
    await t.app.get(CampaignScheduler).tick();
    expect(await sealedAt()).not.toBeNull();
    if (KIND === 'sqlite') {
      expect(walSize()).toBe(0);
    }
  });

  it('waits while an older reader could still see old row versions, and seals on a later round', async () => {
    await query('UPDATE campaign SET sealed_at = NULL WHERE id = :id', { id: campaignId });
    // another process in the middle of a read: it keeps the WAL (SQLite) or a snapshot from
    // before the seal, which would keep dead row versions through VACUUM FULL (PostgreSQL)
    let finish: () => Promise<void>;
    if (KIND === 'sqlite') {
      const reader = new Database(databaseFile, { readonly: true });
      reader.prepare('BEGIN').run();
      reader.prepare('SELECT COUNT(*) FROM response').get();
      finish = () => {
        reader.prepare('COMMIT').run();
        reader.close();
        return Promise.resolve();
      };
    } else {
      const reader = new Client({ connectionString: database.url });
      await reader.connect();
      await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await reader.query('SELECT COUNT(*) FROM response');
      finish = async () => {
        await reader.query('COMMIT');
        await reader.end();
      };
    }
    try {
      await t.app.get(CampaignScheduler).tick();
      expect(await sealedAt()).toBeNull();
    } finally {
      await finish();
    }
    await t.app.get(CampaignScheduler).tick();
    expect(await sealedAt()).not.toBeNull();
    if (KIND === 'sqlite') {
      expect(walSize()).toBe(0);
    }
  });

  onPostgres(
    '[PostgreSQL only] waits while a transaction in another database holds a transaction id',
    async () => {
      // A transaction id is the whole server's: while one older than the close is running, in
      // any database, VACUUM FULL keeps the deleted row versions (and their submit xmin).
      await query('UPDATE campaign SET sealed_at = NULL WHERE id = :id', { id: campaignId });
      // the server's own database the suite was given, not this file's
      const elsewhere = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await elsewhere.connect();
      try {
        await elsewhere.query('BEGIN');
        await elsewhere.query('SELECT txid_current()');
        await t.app.get(CampaignScheduler).tick();
        expect(await sealedAt()).toBeNull();
        await elsewhere.query('COMMIT');
      } finally {
        await elsewhere.end();
      }
      await t.app.get(CampaignScheduler).tick();
      expect(await sealedAt()).not.toBeNull();
    },
  );

  it('a campaign closed on its date is sealed as well', async () => {
    const now = Date.now();
    const created = await t.http
      .post('/api/v1/campaigns')
      .set(auth())
      .send({
        name: 'Schemalagd',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['C1'] },
        closesAt: new Date(now + 86400_000).toISOString(),
      })
      .expect(201);
    const id = (created.body as { id: string }).id;
    clearMailDir(t);
    await t.http.post(`/api/v1/campaigns/${id}/launch`).set(auth()).expect(200);
    mails = await deliverMail(t);
    const hugo = mails.filter((m) => m.to.includes('hugo@kommun.test')).flatMap((m) => m.links);
    const cecilia = mails
      .filter((m) => m.to.includes('cecilia@kommun.test'))
      .flatMap((m) => m.links);
    const answered = marker('SCHEMA');
    for (const link of [hugo.pop(), cecilia.pop()]) {
      await t.http
        .post(`/s/${tokenOf(link ?? '')}`)
        .type('form')
        .send({ ...completeForm(itemIds), 'open-strengths': answered })
        .expect(303);
    }
    setClock(t, () => new Date(now + 2 * 86400_000));
    expect(await t.app.get(CampaignScheduler).tick()).toEqual({ closed: 1, reminders: 0 });
    const [campaign] = await query<{ status: string; sealed_at: unknown }>(
      'SELECT status, sealed_at FROM campaign WHERE id = :id',
      { id },
    );
    expect(campaign?.status).toBe('closed');
    expect(campaign?.sealed_at).not.toBeNull();
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM assignment WHERE campaign_id = :id AND answered = :yes',
        {
          id,
          yes: true,
        },
      ),
    ).toBe(0);
    expect(
      await count('SELECT SUM(responded) AS n FROM subject_tally WHERE campaign_id = :id', { id }),
    ).toBe(2);
    // others n = 1 < k: Hugo's row fed no shown figure; Cecilia's self-assessment stays
    expect(
      await query<{ rater_group: string }>(
        'SELECT rater_group FROM response WHERE campaign_id = :id',
        {
          id,
        },
      ),
    ).toEqual([{ rater_group: 'self' }]);
    if (KIND === 'sqlite') {
      const wal = `${databaseFile}-wal`;
      expect(fs.existsSync(wal) ? fs.statSync(wal).size : 0).toBe(0);
    }
  });
});
