import { type Questionnaire } from './questionnaire';
import { QuestionnaireRegistry, type QuestionnaireStore } from './questionnaire-registry';

const text = (s: string) => ({ sv: s, en: s });
const questionnaire = (key: string, version: number): Questionnaire => ({
  key,
  version,
  title: text(`${key} ${version}`),
  scale: { min: 1, max: 2, labels: { '1': text('a'), '2': text('b') }, allowNotApplicable: false },
  dimensions: [
    { key: 'd', title: text('D'), items: [{ id: 'i', text: text('x'), selfText: text('y') }] },
  ],
  openQuestions: [],
});

/** A store that counts how often it is asked, with versions another process may add. */
function countingStore(rows: Questionnaire[]) {
  const calls = { version: 0, newest: 0, newestOfEach: 0 };
  const store: QuestionnaireStore = {
    version: (key, version) => {
      calls.version += 1;
      return Promise.resolve(rows.find((q) => q.key === key && q.version === version) ?? null);
    },
    newest: (key) => {
      calls.newest += 1;
      const versions = rows.filter((q) => q.key === key).sort((a, b) => b.version - a.version);
      return Promise.resolve(versions[0] ?? null);
    },
    newestOfEach: () => {
      calls.newestOfEach += 1;
      return Promise.resolve([]);
    },
  };
  return { store, calls, rows };
}

describe('QuestionnaireRegistry', () => {
  it('reads a stored version once and serves it from memory after that', async () => {
    const { store, calls } = countingStore([questionnaire('egen', 1)]);
    const registry = new QuestionnaireRegistry([questionnaire('seed', 1)], store);
    expect((await registry.find('egen', 1)).title.sv).toBe('egen 1');
    expect((await registry.find('egen', 1)).title.sv).toBe('egen 1');
    expect(registry.get('egen', 1).title.sv).toBe('egen 1');
    expect(calls.version).toBe(1);
    await expect(registry.find('egen', 2)).rejects.toMatchObject({ code: 'not_found' });
    // a seed never asks the store
    expect((await registry.find('seed')).title.sv).toBe('seed 1');
    await expect(registry.find('seed', 5)).rejects.toMatchObject({ code: 'not_found' });
    expect(calls.version).toBe(2);
  });

  it('asks the store for the newest version each time: another process may have saved one', async () => {
    const { store, rows } = countingStore([questionnaire('egen', 1)]);
    const registry = new QuestionnaireRegistry([], store);
    expect((await registry.find('egen')).version).toBe(1);
    rows.push(questionnaire('egen', 2));
    expect((await registry.find('egen')).version).toBe(2);
    expect(() => registry.get('okänd')).toThrow("No questionnaire 'okänd'.");
  });
});
