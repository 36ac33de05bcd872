import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadQuestionnaires } from './questionnaire-loader';
import { validateQuestionnaire } from './questionnaire-validation';

const text = (s: string) => ({ sv: s, en: s });
const valid = () => ({
  key: 'test-q',
  version: 1,
  title: text('Test'),
  scale: {
    min: 1,
    max: 3,
    labels: { '1': text('Nej'), '2': text('Kanske'), '3': text('Ja') },
    allowNotApplicable: true,
    notApplicableLabel: text('Vet ej'),
  },
  dimensions: [
    {
      key: 'd1',
      title: text('D1'),
      items: [{ id: 'i1', text: text('Min chef'), selfText: text('Jag') }],
    },
  ],
  openQuestions: [{ id: 'o1', text: text('Vad?') }],
});

describe('validateQuestionnaire', () => {
  it('accepts a complete questionnaire', () => {
    expect(validateQuestionnaire(valid())).toEqual([]);
  });

  it('names each problem by its path', () => {
    const broken = valid() as Record<string, unknown> & ReturnType<typeof valid>;
    broken.key = 'Bad Key';
    broken.scale.labels = { '1': text('Nej'), '2': text('Kanske') } as typeof broken.scale.labels;
    broken.dimensions.push({
      key: 'd1',
      title: { sv: '', en: 'x' },
      items: [{ id: 'i1', text: text('x'), selfText: text('y') }],
    });
    broken.openQuestions.push({ id: 'i1', text: text('dup') });
    expect(validateQuestionnaire(broken)).toEqual([
      'key: must be lowercase letters, digits and hyphens (at most 64)',
      'scale.labels.3: must be an object with "sv" and "en" texts',
      "dimensions[1].key: 'd1' is used twice",
      'dimensions[1].title.sv: must be a non-empty text',
      "dimensions[1].items[0].id: 'i1' is used twice",
      "openQuestions[1].id: 'i1' is used twice",
    ]);
  });
});

describe('loadQuestionnaires', () => {
  it('stops with a message naming the file and the problem', () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'questionnaires-'));
    try {
      fs.writeFileSync(path.join(directory, 'a.json'), JSON.stringify({ ...valid(), version: 0 }));
      expect(() => loadQuestionnaires(directory)).toThrow(
        /a\.json is not a valid questionnaire: version: must be a positive integer/,
      );
      fs.writeFileSync(path.join(directory, 'a.json'), '{ not json');
      expect(() => loadQuestionnaires(directory)).toThrow(/a\.json is not valid JSON/);
      fs.writeFileSync(path.join(directory, 'a.json'), JSON.stringify(valid()));
      fs.writeFileSync(path.join(directory, 'b.json'), JSON.stringify(valid()));
      expect(() => loadQuestionnaires(directory)).toThrow(/both define test-q@1/);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
