import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadQuestionnaires } from './questionnaire-loader';
import { questionnaireProblems, validateQuestionnaire } from './questionnaire-validation';

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

describe('questionnaireProblems', () => {
  it('names every problem of every broken item, area and label, not only the first', () => {
    const broken = valid() as unknown as Record<string, unknown> & {
      dimensions: Record<string, unknown>[];
    };
    broken.version = undefined;
    broken.title = { sv: 'Test', en: '  ' };
    broken.scale = {
      min: 1,
      max: 3,
      labels: { '1': text('Nej'), '3': { sv: 'Ja' } },
      allowNotApplicable: 'yes',
    };
    broken.dimensions = [
      {
        key: 'd1',
        title: text('D1'),
        items: [
          { id: 'i1', text: { sv: 'Min chef', en: '' }, selfText: text('Jag') },
          { id: 'I 2', text: { sv: 'Min chef', en: 'My manager\u202e' }, selfText: { sv: 'Jag' } },
          'not an item',
          { id: 'i1', text: text('x'.repeat(1001)), selfText: text('Jag') },
        ],
      },
      { key: 'd2', title: text('D2'), items: [] },
    ];
    broken.openQuestions = [{ id: 'o1' }];
    expect(questionnaireProblems(broken)).toEqual([
      { field: 'version', code: 'version' },
      { field: 'title.en', code: 'text_empty' },
      { field: 'scale.labels.2', code: 'text_object' },
      { field: 'scale.labels.3.en', code: 'text_empty' },
      { field: 'scale.allowNotApplicable', code: 'boolean' },
      { field: 'dimensions[0].items[0].text.en', code: 'text_empty' },
      { field: 'dimensions[0].items[1].id', code: 'id' },
      {
        field: 'dimensions[0].items[1].text.en',
        code: 'text_unsafe',
        values: { detail: expect.stringContaining('U+202E') as string },
      },
      { field: 'dimensions[0].items[1].selfText.en', code: 'text_empty' },
      { field: 'dimensions[0].items[2]', code: 'object' },
      { field: 'dimensions[0].items[3].id', code: 'duplicate', values: { value: 'i1' } },
      { field: 'dimensions[0].items[3].text.sv', code: 'text_long', values: { max: 1000 } },
      { field: 'dimensions[0].items[3].text.en', code: 'text_long', values: { max: 1000 } },
      { field: 'dimensions[1].items', code: 'list_empty' },
      { field: 'openQuestions[0].text', code: 'text_object' },
    ]);
  });

  it('lets the store give the version, and bounds the size of a questionnaire', () => {
    const { version: _version, ...withoutVersion } = valid();
    expect(questionnaireProblems(withoutVersion, { versionOptional: true })).toEqual([]);
    expect(questionnaireProblems(withoutVersion)).toEqual([{ field: 'version', code: 'version' }]);
    const big = valid();
    big.openQuestions = Array.from({ length: 11 }, (_, i) => ({ id: `o${i}`, text: text('?') }));
    expect(questionnaireProblems(big)).toEqual([
      { field: 'openQuestions', code: 'list_long', values: { max: 10 } },
    ]);
  });

  it.each([null, [], 'text', 42, true])('refuses %j as a whole', (input) => {
    expect(validateQuestionnaire(input)).toEqual(['(file): must be a JSON object']);
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
