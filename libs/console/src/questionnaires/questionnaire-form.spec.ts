import fs from 'node:fs';
import path from 'node:path';
import { canonicalQuestionnaire, type Questionnaire } from '@ledarspegel/questionnaires';
import { questionnaireProblems } from '@ledarspegel/questionnaires';
import { keys } from '../views/fixtures/view-fixtures';
import { questionnaireEditorView } from '../views/questionnaire-editor.view';
import {
  applyAction,
  blankDraft,
  copyKey,
  draftOf,
  readAction,
  readDraft,
  toQuestionnaireBody,
} from './questionnaire-form';

const seed = JSON.parse(
  fs.readFileSync(
    path.resolve(__dirname, '../../../../seeds/questionnaires/kalix-ledarplan.json'),
    'utf8',
  ),
) as Questionnaire;

/** The form a browser posts for a draft: every field by its name. */
function formOf(questionnaire: Questionnaire): Record<string, string> {
  const form: Record<string, string> = {};
  const flatten = (value: unknown, name: string): void => {
    if (Array.isArray(value)) {
      value.forEach((entry, index) => flatten(entry, `${name}[${index}]`));
    } else if (value && typeof value === 'object') {
      for (const [key, entry] of Object.entries(value)) {
        flatten(entry, name ? `${name}.${key}` : key);
      }
    } else if (typeof value === 'boolean') {
      if (value) {
        form[name] = 'on';
      }
    } else if (value !== undefined) {
      form[name] = String(value as string | number);
    }
  };
  flatten(toQuestionnaireBody(draftOf(questionnaire)), '');
  return form;
}

describe('the questionnaire editor form', () => {
  it('reads back exactly what it shows: a seed goes through the form unchanged', () => {
    const form = formOf(seed);
    expect(form['dimensions[1].items[0].selfText.en']).toBe(
      seed.dimensions[1]?.items[0]?.selfText.en,
    );
    const body = toQuestionnaireBody(readDraft(form));
    expect(questionnaireProblems(body, { versionOptional: true })).toEqual([]);
    const { source: _source, ...withoutSource } = canonicalQuestionnaire(seed);
    expect(canonicalQuestionnaire({ ...(body as unknown as Questionnaire), version: 1 })).toEqual(
      withoutSource,
    );
  });

  it('keeps what was typed, ignores unknown fields and holes in the numbering', () => {
    const draft = readDraft({
      key: ' egen ',
      'title.sv': 'Rad ett\r\nrad två',
      'dimensions[3].key': 'b',
      'dimensions[0].key': 'a',
      'dimensions[0].items[7].text.sv': 'Min chef',
      'dimensions[0].items[7].text.xx': 'ignored',
      'dimensions[0].items[2].id': 'i2',
      'openQuestions[0].id': 'o',
      'scale.min': 'ett',
      __proto__: 'x',
      'dimensions[99999].key': 'too far',
    });
    expect(draft.key).toBe('egen');
    expect(draft.title.sv).toBe('Rad ett rad två');
    expect(draft.dimensions.map((d) => d.key)).toEqual(['a', 'b']);
    expect(draft.dimensions[0]?.items.map((i) => [i.id, i.text.sv])).toEqual([
      ['i2', ''],
      ['', 'Min chef'],
    ]);
    expect(draft.scale.min).toBe('ett');
    expect(questionnaireProblems(toQuestionnaireBody(draft), { versionOptional: true })).toEqual(
      expect.arrayContaining([{ field: 'scale', code: 'scale_range' }]),
    );
  });

  it('adds, moves and removes areas, items and open questions, with fresh ids', () => {
    let draft = draftOf(seed);
    const first = draft.dimensions[0]!.items.length;
    let changed = applyAction(draft, readAction({ action: 'add-item-0' }) as never);
    expect(changed.focus).toBe(`dimensions[0].items[${first}].text.sv`);
    const added = changed.draft.dimensions[0]!.items[first]!;
    expect(added.id).toMatch(/^item-\d+$/);
    changed = applyAction(changed.draft, readAction({ action: `up-item-0-${first}` }) as never);
    expect(changed.draft.dimensions[0]!.items[first - 1]!.id).toBe(added.id);
    changed = applyAction(changed.draft, readAction({ action: 'remove-dimension-1' }) as never);
    expect(changed.draft.dimensions.map((d) => d.key)).toEqual(
      seed.dimensions.filter((_d, i) => i !== 1).map((d) => d.key),
    );
    changed = applyAction(changed.draft, readAction({ action: 'add-open' }) as never);
    changed = applyAction(changed.draft, readAction({ action: 'down-open-0' }) as never);
    expect(changed.draft.openQuestions[0]!.id).toBe(seed.openQuestions[1]!.id);
    // naming nothing that exists changes nothing
    draft = changed.draft;
    for (const action of ['remove-item-9-0', 'up-dimension-0', 'down-open-99', 'remove-open-5']) {
      expect(applyAction(draft, readAction({ action }) as never)).toEqual({ draft, focus: null });
    }
    expect(readAction({ action: 'something else' })).toEqual({ kind: 'scale' });
    expect(readAction({ action: ['save', 'save'] })).toEqual({ kind: 'scale' });
  });

  it('names a copy after its source without taking a used key', () => {
    expect(copyKey('kalix-ledarplan', [])).toBe('kalix-ledarplan-egen');
    expect(copyKey('kalix-ledarplan', ['kalix-ledarplan-egen'])).toBe('kalix-ledarplan-egen-2');
  });

  it('puts each problem beside its field, a list’s beside its group, all in the summary', () => {
    const draft = blankDraft();
    const problems = questionnaireProblems(toQuestionnaireBody(draft), { versionOptional: true });
    draft.dimensions[0]!.items = [];
    const view = questionnaireEditorView({
      draft,
      mode: 'create',
      problems: [...problems, { field: 'dimensions[0].items', code: 'list_empty' }],
      focus: null,
      newestVersion: null,
      savedVersion: null,
      copiedFrom: null,
      t: keys,
    });
    expect(view.keyField.errors).toEqual(['admin.questionnaireEditor.problem.id']);
    expect(view.titleText.sv.errors).toEqual(['admin.questionnaireEditor.problem.text_empty']);
    // the blank draft's item is not in the form any more: its problems go to the list, named
    expect(view.dimensions[0]?.itemErrors).toEqual([
      ...['text', 'selfText'].flatMap((field) =>
        ['sv', 'en'].map(
          (language) =>
            `admin.questionnaireEditor.area {"n":1}, admin.questionnaireEditor.item {"n":1}, admin.questionnaireEditor.${field}, admin.questionnaireEditor.language.${language}: admin.questionnaireEditor.problem.text_empty`,
        ),
      ),
      'admin.questionnaireEditor.problem.list_empty',
    ]);
    expect(view.problems.map((p) => p.anchor)).toContain('dimensions[0].items');
    expect(view.problems).toHaveLength(problems.length + 1);
  });
});
