/**
 * Sealing moves the stored rows in SQL (DESIGN.md, rule 7): whatever rows and decisions, what is
 * left is exactly what `sealedRow` (the rule, in plain code) says of each row, every row has a new
 * random id, and nothing else changes. On the database the suite runs on (SQLite or PostgreSQL).
 */
import { getDataSourceToken } from '@nestjs/typeorm';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { KEEP_SELF_ONLY, RATER_GROUPS, type SealDecision, sealedRow } from '@ledarspegel/anonymity';
import { rawQuery } from '@ledarspegel/core';
import { ResponseRepository, ResponseSealer } from '@ledarspegel/responses';
import { importOrganisation } from './support/campaign-fixture';
import { createTestApp, signInAsAdmin, TestApp } from './support/test-app';

const LABELS = ['self', ...RATER_GROUPS, null, 'others'] as const;

class RolledBack extends Error {}

interface Row {
  subjectId: string;
  group: string | null;
  answers: string;
}

const sorted = (rows: readonly Row[]) =>
  rows.map(({ subjectId, group, answers }) => `${subjectId}|${group ?? '-'}|${answers}`).sort();

describe('sealing the stored rows of a closing campaign', () => {
  let t: TestApp;
  let dataSource: DataSource;
  let campaignId: string;
  let subjectIds: string[];

  beforeAll(async () => {
    t = await createTestApp();
    dataSource = t.app.get<DataSource>(getDataSourceToken());
    const token = await signInAsAdmin(t);
    await importOrganisation(t, token);
    const created = await t.http
      .post('/api/v1/campaigns')
      .set('authorization', `Bearer ${token}`)
      .send({
        name: 'Försegling',
        questionnaireKey: 'huddinge-ledarskap',
        subjects: { employeeIds: ['A1', 'B1', 'C1'] },
      })
      .expect(201);
    campaignId = (created.body as { id: string }).id;
    subjectIds = (
      await dataSource.query<{ id: string }[]>(
        `SELECT id FROM person WHERE employee_id IN ('A1', 'B1', 'C1') ORDER BY employee_id`,
      )
    ).map(({ id }) => id);
  });

  afterAll(async () => {
    await t?.close();
  });

  const decisionArbitrary = fc.record({
    keepOthers: fc.boolean(),
    keepGroups: fc.subarray([...RATER_GROUPS]),
  });

  it('leaves exactly what sealedRow keeps of each row, every row under a new random id', async () => {
    const responses = t.app.get(ResponseRepository);
    const sealer = t.app.get(ResponseSealer);
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            subject: fc.nat({ max: 2 }),
            group: fc.constantFrom(...LABELS),
            value: fc.integer({ min: 1, max: 5 }),
          }),
          { maxLength: 30 },
        ),
        // a decision for some subjects (their report), none for the rest (no report)
        fc.array(fc.option(decisionArbitrary), { minLength: 3, maxLength: 3 }),
        // a close rewrites the rows while its first reports are built: before or after a seal
        fc.boolean(),
        async (generated, generatedDecisions, rewriteFirst) => {
          const rows: Row[] = generated.map(({ subject, group, value }, index) => ({
            subjectId: subjectIds[subject] as string,
            group,
            answers: JSON.stringify({ q1: value, row: index }),
          }));
          const decisions = new Map<string, SealDecision>();
          generatedDecisions.forEach((decision, index) => {
            if (decision) {
              decisions.set(subjectIds[index] as string, decision);
            }
          });
          const expected = rows.flatMap((row) => {
            const fate = sealedRow(row.group, decisions.get(row.subjectId) ?? KEEP_SELF_ONLY);
            return fate.keep ? [{ ...row, group: fate.group }] : [];
          });

          const outcome = dataSource.transaction(async (tx) => {
            await responses.insertSubmitted(
              tx,
              rows.map((row) => ({ ...row, campaignId, comments: '{}' })),
            );
            const before = await rawQuery<{ id: string }[]>(
              tx,
              'SELECT id FROM response WHERE campaign_id = :campaignId',
              { campaignId },
            );
            if (rewriteFirst) {
              await sealer.rewrite(tx, campaignId);
            }
            await sealer.sealSubjects(tx, campaignId, decisions);
            if (!rewriteFirst) {
              await sealer.rewrite(tx, campaignId);
            }
            await sealer.sealRest(tx, campaignId, [...decisions.keys()]);
            const after = await rawQuery<(Row & { id: string })[]>(
              tx,
              `SELECT id, subject_id AS "subjectId", rater_group AS "group", answers
               FROM response WHERE campaign_id = :campaignId`,
              { campaignId },
            );
            expect(sorted(after)).toEqual(sorted(expected));
            const oldIds = new Set(before.map(({ id }) => id));
            expect(after.filter(({ id }) => oldIds.has(id))).toEqual([]);
            expect(after.filter(({ id }) => !/^[0-9a-f]{32}$/.test(id))).toEqual([]);
            expect(new Set(after.map(({ id }) => id)).size).toBe(after.length);
            throw new RolledBack();
          });
          await expect(outcome).rejects.toBeInstanceOf(RolledBack);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses to seal outside the transaction that closes the campaign', async () => {
    const sealer = t.app.get(ResponseSealer);
    await expect(sealer.sealSubjects(dataSource.manager, campaignId, new Map())).rejects.toThrow(
      /inside the transaction/,
    );
    await expect(sealer.rewrite(dataSource.manager, campaignId)).rejects.toThrow(
      /inside the transaction/,
    );
  });
});
