/**
 * `npm run bench -- submit`: survey answers submitted by 50 concurrent clients through
 * POST /s/TOKEN (form parsing, validation against the questionnaire, one transaction spending
 * the link and storing the anonymous response), against a bare Fastify + better-sqlite3 route
 * doing the same lookup, update and insert in this run. Both servers run side by side and take
 * turns, a round each at a time, so that a change in the machine's speed during the run weighs
 * on both alike.
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
import { combined, type LoadResult, runLoad } from './load';

const CLIENTS = 50;
/**
 * Submits sent before measuring, by as many clients: both servers are measured warm, with their
 * code compiled and every client's connection open (cold, the first second's answers take ten
 * times as long as the rest, and decided the p99 of both).
 */
const WARM_UP = 800;
/** Measured rounds per server, taken in turns (ours first in odd rounds, the baseline in even). */
const ROUNDS = 4;

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

/** The bare baseline's server, with `count` links of its own. */
async function startBaseline(count: number, itemIds: string[]) {
  const db = new Database(path.join(temporaryDirectory('submit-baseline'), 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE assignment (id TEXT PRIMARY KEY, answered INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE token (hash TEXT PRIMARY KEY, assignment_id TEXT NOT NULL);
    CREATE TABLE response (id TEXT PRIMARY KEY, campaign_id TEXT, subject_id TEXT, rater_group TEXT, answers TEXT, comments TEXT) WITHOUT ROWID;`);
  const tokens = Array.from({ length: count }, () => randomBytes(24).toString('base64url'));
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
  return {
    base,
    tokens,
    close: async () => {
      await server.close();
      db.close();
    },
  };
}

/** Sends the survey form once for each of the links, from CLIENTS clients at a time. */
function submitAll(base: string, links: readonly string[], itemIds: string[]): Promise<LoadResult> {
  return runLoad(links.length, CLIENTS, (index) =>
    post(`${base}/s/${links[index]}`, surveyFormBody(itemIds, index), 303),
  );
}

/** The links of one side: the warm-up's, then one slice per round. */
function slices(links: readonly string[]): { warm: string[]; rounds: string[][] } {
  const per = Math.floor((links.length - WARM_UP) / ROUNDS);
  return {
    warm: links.slice(0, WARM_UP),
    rounds: Array.from({ length: ROUNDS }, (_, round) =>
      links.slice(WARM_UP + round * per, WARM_UP + (round + 1) * per),
    ),
  };
}

async function main(): Promise<void> {
  const bench = await createBenchApp('submit');
  const campaignId = await createCampaign(bench, teamsCsv(400, 10));
  const tokens = await launchAndCollectTokens(bench, campaignId);
  const itemIds = bench.app
    .get(QuestionnaireRegistry)
    .get('huddinge-ledarskap')
    .dimensions.flatMap((d) => d.items.map((i) => i.id));
  await bench.app.listen(0, '127.0.0.1');
  const base = await bench.app.getUrl();
  const plain = await startBaseline(tokens.length, itemIds);
  progress(`submit: ${tokens.length} survey links each, ${CLIENTS} concurrent clients`);
  const ourLinks = slices(tokens);
  const plainLinks = slices(plain.tokens);
  await submitAll(base, ourLinks.warm, itemIds);
  await submitAll(plain.base, plainLinks.warm, itemIds);
  const ourRounds: LoadResult[] = [];
  const plainRounds: LoadResult[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const runOurs = async () => {
      const links = ourLinks.rounds[round] ?? [];
      // the profile (BENCH_PROFILE) covers our first round
      ourRounds.push(
        await (round === 0
          ? measured('submit', () => submitAll(base, links, itemIds))
          : submitAll(base, links, itemIds)),
      );
    };
    const runPlain = async () => {
      plainRounds.push(await submitAll(plain.base, plainLinks.rounds[round] ?? [], itemIds));
    };
    if (round % 2 === 0) {
      await runOurs();
      await runPlain();
    } else {
      await runPlain();
      await runOurs();
    }
  }
  await plain.close();
  await bench.close();
  const ours = combined(ourRounds);
  const bare = combined(plainRounds);
  progress(
    `submit: ours ${ours.perSecond.toFixed(0)}/s, p50 ${ours.p50.toFixed(1)} ms, p99 ${ours.p99.toFixed(1)} ms (rounds: ${ourRounds.map((r) => r.perSecond.toFixed(0)).join(', ')})`,
  );
  progress(
    `submit: baseline ${bare.perSecond.toFixed(0)}/s, p50 ${bare.p50.toFixed(1)} ms, p99 ${bare.p99.toFixed(1)} ms (rounds: ${plainRounds.map((r) => r.perSecond.toFixed(0)).join(', ')})`,
  );
  process.stdout.write(
    `${resultLine('submit', ours.perSecond, bare.perSecond, 'responses/s', ours.perSecond / bare.perSecond, `p99 ${ours.p99.toFixed(1)} ms (baseline ${bare.p99.toFixed(1)} ms); `)}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench submit failed: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
