/**
 * `npm run bench -- submit`: survey answers submitted by 50 concurrent clients through
 * POST /s/TOKEN (form parsing, validation against the questionnaire, one transaction spending
 * the link and storing the anonymous response), against a bare Fastify + better-sqlite3 route
 * doing the same lookup, update and insert in this run.
 */
import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import formbody from '@fastify/formbody';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import { QuestionnaireRegistry } from '@ledarspegel/questionnaires';
import {
  createBenchApp,
  createCampaign,
  launchAndCollectTokens,
  surveyFormBody,
  teamsCsv,
} from './bench-app';
import { measured, progress, resultLine, temporaryDirectory } from './bench-support';
import { runLoad } from './load';

const CLIENTS = 50;
/**
 * Submits sent before measuring, by as many clients: both servers are measured warm, with their
 * code compiled and every client's connection open (cold, the first second's answers take ten
 * times as long as the rest, and decided the p99 of both).
 */
const WARM_UP = 400;

async function post(url: string, body: string, expected: number): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  await response.arrayBuffer();
  if (response.status !== expected) {
    throw new Error(`${url}: ${response.status}`);
  }
}

async function baseline(count: number, itemIds: string[]) {
  const warm = WARM_UP;
  const db = new Database(path.join(temporaryDirectory('submit-baseline'), 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE assignment (id TEXT PRIMARY KEY, answered INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE token (hash TEXT PRIMARY KEY, assignment_id TEXT NOT NULL);
    CREATE TABLE response (id TEXT PRIMARY KEY, campaign_id TEXT, subject_id TEXT, rater_group TEXT, answers TEXT, comments TEXT) WITHOUT ROWID;`);
  const tokens = Array.from({ length: warm + count }, () => randomBytes(24).toString('base64url'));
  const hash = (token: string) => createHash('sha256').update(token).digest('hex');
  db.transaction(() => {
    tokens.forEach((token, index) => {
      db.prepare('INSERT INTO assignment (id) VALUES (?)').run(String(index));
      db.prepare('INSERT INTO token VALUES (?, ?)').run(hash(token), String(index));
    });
  })();
  const find = db.prepare('SELECT assignment_id AS id FROM token WHERE hash = ?');
  const spend = db.prepare('UPDATE assignment SET answered = 1 WHERE id = ? AND answered = 0');
  const insert = db.prepare('INSERT INTO response VALUES (?, ?, ?, ?, ?, ?)');
  const submit = db.transaction((id: string, answers: string, comments: string) => {
    if (spend.run(id).changes === 0) {
      return false;
    }
    insert.run(randomBytes(16).toString('hex'), 'c', 's', 'direct_report', answers, comments);
    return true;
  });
  const server = Fastify({ logger: false });
  await server.register(formbody);
  server.post<{ Params: { token: string }; Body: Record<string, string> }>(
    '/s/:token',
    (request, reply) => {
      const row = find.get(hash(request.params.token)) as { id: string } | undefined;
      if (!row) {
        return reply.status(404).send();
      }
      const answers: Record<string, number> = {};
      for (const id of itemIds) {
        answers[id] = Number(request.body[`item-${id}`]);
      }
      const stored = submit(
        row.id,
        JSON.stringify(answers),
        JSON.stringify({ strengths: request.body['open-strengths'] }),
      );
      return stored
        ? reply.status(303).header('location', '/s/thanks').send()
        : reply.status(410).send();
    },
  );
  const base = await server.listen({ port: 0, host: '127.0.0.1' });
  await runLoad(warm, CLIENTS, (index) =>
    post(`${base}/s/${tokens[index]}`, surveyFormBody(itemIds, index), 303),
  );
  const result = await runLoad(count, CLIENTS, (index) =>
    post(`${base}/s/${tokens[warm + index]}`, surveyFormBody(itemIds, index), 303),
  );
  await server.close();
  db.close();
  return result;
}

async function main(): Promise<void> {
  const bench = await createBenchApp('submit');
  const campaignId = await createCampaign(bench, teamsCsv(300, 10));
  const tokens = await launchAndCollectTokens(bench, campaignId);
  const itemIds = bench.app
    .get(QuestionnaireRegistry)
    .get('huddinge-ledarskap')
    .dimensions.flatMap((d) => d.items.map((i) => i.id));
  await bench.app.listen(0, '127.0.0.1');
  const base = await bench.app.getUrl();
  progress(`submit: ${tokens.length} survey links, ${CLIENTS} concurrent clients`);
  // warm up on some links, then measure on the rest
  const warm = tokens.splice(0, WARM_UP);
  await runLoad(warm.length, CLIENTS, (index) =>
    post(`${base}/s/${warm[index]}`, surveyFormBody(itemIds, index), 303),
  );
  const ours = await measured('submit', () =>
    runLoad(tokens.length, CLIENTS, (index) =>
      post(`${base}/s/${tokens[index]}`, surveyFormBody(itemIds, index), 303),
    ),
  );
  await bench.close();
  progress(
    `submit: ours ${ours.perSecond.toFixed(0)}/s, p50 ${ours.p50.toFixed(1)} ms, p99 ${ours.p99.toFixed(1)} ms`,
  );
  const plain = await baseline(tokens.length, itemIds);
  progress(
    `submit: baseline ${plain.perSecond.toFixed(0)}/s, p50 ${plain.p50.toFixed(1)} ms, p99 ${plain.p99.toFixed(1)} ms`,
  );
  process.stdout.write(
    `${resultLine('submit', ours.perSecond, plain.perSecond, 'responses/s', ours.perSecond / plain.perSecond, `p99 ${ours.p99.toFixed(1)} ms (baseline ${plain.p99.toFixed(1)} ms); `)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench submit failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
