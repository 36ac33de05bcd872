import type { QuestionnaireProblem } from '@ledarspegel/questionnaires';
import {
  type DraftQuestionnaire,
  type EditorMode,
  scaleValues,
  type TextPair,
} from '../questionnaires/questionnaire-form';
import type { Texts } from './texts';

/**
 * The questionnaire editor's page, pure: every field with its name (the validation's path, also
 * its id), its value as typed, its label and the problems that belong to it; the error summary
 * linking each problem to its field (or, where the problem is about a list or a group, to the
 * group's fieldset).
 */
export interface FieldView {
  name: string;
  value: string;
  label: string;
  lang?: 'sv' | 'en';
  errors: string[];
  autofocus: boolean;
  multiline: boolean;
}

export interface PairView {
  id: string;
  legend: string;
  errors: string[];
  sv: FieldView;
  en: FieldView;
}

/** A problem of the validation, or the console's own (a taken key, a file that is not JSON). */
export interface EditorProblem extends Pick<QuestionnaireProblem, 'field' | 'values'> {
  code: string;
  message?: string;
}

/** Each problem in the page's language. */
export function problemText(problem: EditorProblem, t: Texts): string {
  try {
    return t(`admin.questionnaireEditor.problem.${problem.code}`, problem.values);
  } catch {
    // a code the console has no words for: the service's own message, in English
    return problem.message ?? problem.code;
  }
}

/** A path made readable: "Area 2, item 1, text for others (Swedish)". */
export function fieldName(path: string, t: Texts): string {
  const parts: string[] = [];
  const words: Record<string, string> = {
    key: 'admin.questionnaireEditor.key',
    id: 'admin.questionnaireEditor.id',
    title: 'admin.questionnaireEditor.titleField',
    description: 'admin.questionnaireEditor.description',
    text: 'admin.questionnaireEditor.text',
    selfText: 'admin.questionnaireEditor.selfText',
    scale: 'admin.questionnaireEditor.scale',
    notApplicableLabel: 'admin.questionnaireEditor.notApplicableLabel',
    allowNotApplicable: 'admin.questionnaireEditor.allowNotApplicable',
    dimensions: 'admin.questionnaireEditor.dimensions',
    items: 'admin.questionnaireEditor.items',
    openQuestions: 'admin.questionnaireEditor.openQuestions',
    source: 'admin.questionnaireEditor.source',
    version: 'admin.questionnaireEditor.version',
  };
  const segments = path.split('.');
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index] ?? '';
    const listed = /^(dimensions|items|openQuestions)\[(\d+)\]$/.exec(segment);
    if (listed) {
      const which = { dimensions: 'area', items: 'item', openQuestions: 'open' }[
        listed[1] as 'dimensions' | 'items' | 'openQuestions'
      ];
      parts.push(t(`admin.questionnaireEditor.${which}`, { n: Number(listed[2]) + 1 }));
    } else if (segment === 'labels' && segments[index + 1] !== undefined) {
      parts.push(t('admin.questionnaireEditor.scaleLabel', { value: segments[index + 1] }));
      index += 1;
    } else if (segment === 'sv' || segment === 'en') {
      parts.push(t(`admin.questionnaireEditor.language.${segment}`));
    } else {
      const word = words[segment];
      parts.push(word ? t(word) : segment);
    }
  }
  return parts.join(', ');
}

/** The ids of the fields and groups the page shows: where a problem's link may point. */
function shownIds(draft: DraftQuestionnaire, mode: EditorMode): Set<string> {
  const ids = new Set<string>([
    'questionnaire',
    'title.sv',
    'title.en',
    'title',
    'description.sv',
    'description.en',
    'description',
    'scale',
    'scale.min',
    'scale.max',
    'scale.allowNotApplicable',
    'scale.notApplicableLabel',
    'scale.notApplicableLabel.sv',
    'scale.notApplicableLabel.en',
    'dimensions',
    'openQuestions',
  ]);
  if (mode === 'create') {
    ids.add('key');
  }
  const pairIds = (path: string) => [path, `${path}.sv`, `${path}.en`];
  for (const value of scaleValues(draft)) {
    pairIds(`scale.labels.${value}`).forEach((id) => ids.add(id));
  }
  draft.dimensions.forEach((dimension, d) => {
    const path = `dimensions[${d}]`;
    [path, `${path}.key`, `${path}.items`].forEach((id) => ids.add(id));
    [...pairIds(`${path}.title`), ...pairIds(`${path}.description`)].forEach((id) => ids.add(id));
    dimension.items.forEach((_item, i) => {
      const itemPath = `${path}.items[${i}]`;
      [
        itemPath,
        `${itemPath}.id`,
        ...pairIds(`${itemPath}.text`),
        ...pairIds(`${itemPath}.selfText`),
      ].forEach((id) => ids.add(id));
    });
  });
  draft.openQuestions.forEach((_question, q) => {
    const path = `openQuestions[${q}]`;
    [path, `${path}.id`, ...pairIds(`${path}.text`), ...pairIds(`${path}.selfText`)].forEach((id) =>
      ids.add(id),
    );
  });
  return ids;
}

/** The nearest shown field or group of a path: `dimensions[0].items` for a list's problem. */
function anchorOf(path: string, ids: Set<string>): string {
  let current = path;
  while (!ids.has(current)) {
    const cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
    if (cut <= 0) {
      return 'questionnaire';
    }
    current = current.slice(0, cut);
  }
  return current;
}

export function questionnaireEditorView(input: {
  draft: DraftQuestionnaire;
  mode: EditorMode;
  problems: readonly EditorProblem[];
  focus: string | null;
  newestVersion: number | null;
  savedVersion: number | null;
  copiedFrom: string | null;
  t: Texts;
}) {
  const { draft, mode, t } = input;
  const ids = shownIds(draft, mode);
  const errorsAt = new Map<string, string[]>();
  const summary = input.problems.map((problem) => {
    const anchor = anchorOf(problem.field, ids);
    const text = problemText(problem, t);
    // beside a field its name is its label; a group's own problem names the part it is about
    const beside = anchor === problem.field ? text : `${fieldName(problem.field, t)}: ${text}`;
    errorsAt.set(anchor, [...(errorsAt.get(anchor) ?? []), beside]);
    return { anchor, text: `${fieldName(problem.field, t)}: ${text}` };
  });
  const errors = (id: string) => errorsAt.get(id) ?? [];
  const single = (name: string, value: string, label: string): FieldView => ({
    name,
    value,
    label,
    errors: errors(name),
    autofocus: input.focus === name,
    multiline: false,
  });
  const text = (path: string, value: TextPair, legend: string, multiline = false): PairView => ({
    id: path,
    legend,
    errors: errors(path),
    sv: {
      ...single(`${path}.sv`, value.sv, t('admin.questionnaireEditor.language.sv')),
      lang: 'sv',
      multiline,
    },
    en: {
      ...single(`${path}.en`, value.en, t('admin.questionnaireEditor.language.en')),
      lang: 'en',
      multiline,
    },
  });
  const lastDimension = draft.dimensions.length - 1;
  return {
    mode,
    create: mode === 'create',
    key: draft.key,
    copiedFrom: input.copiedFrom,
    newestVersion: input.newestVersion,
    nextVersion: (input.newestVersion ?? 0) + 1,
    savedVersion: input.savedVersion,
    problems: summary,
    formErrors: errors('questionnaire'),
    keyField: single('key', draft.key, t('admin.questionnaireEditor.key')),
    heading:
      mode === 'create'
        ? t('admin.questionnaireEditor.newTitle')
        : t('admin.questionnaireEditor.editTitle', { key: draft.key }),
    // not `title`: the layout's own
    titleText: text('title', draft.title, t('admin.questionnaireEditor.titleField')),
    description: text(
      'description',
      draft.description,
      t('admin.questionnaireEditor.description'),
      true,
    ),
    scale: {
      errors: errors('scale'),
      min: single('scale.min', draft.scale.min, t('admin.questionnaireEditor.scaleMin')),
      max: single('scale.max', draft.scale.max, t('admin.questionnaireEditor.scaleMax')),
      labels: scaleValues(draft).map((value) =>
        text(
          `scale.labels.${value}`,
          draft.scale.labels[value] ?? { sv: '', en: '' },
          t('admin.questionnaireEditor.scaleLabel', { value }),
        ),
      ),
      allowNotApplicable: {
        ...single(
          'scale.allowNotApplicable',
          'on',
          t('admin.questionnaireEditor.allowNotApplicable'),
        ),
        checked: draft.scale.allowNotApplicable,
      },
      notApplicableLabel: text(
        'scale.notApplicableLabel',
        draft.scale.notApplicableLabel,
        t('admin.questionnaireEditor.notApplicableLabel'),
      ),
    },
    dimensionErrors: errors('dimensions'),
    dimensions: draft.dimensions.map((dimension, d) => {
      const path = `dimensions[${d}]`;
      const lastItem = dimension.items.length - 1;
      const area = t('admin.questionnaireEditor.area', { n: d + 1 });
      return {
        id: path,
        legend: dimension.title.sv ? `${area}: ${dimension.title.sv}` : area,
        area,
        index: d,
        errors: errors(path),
        first: d === 0,
        last: d === lastDimension,
        key: single(`${path}.key`, dimension.key, t('admin.questionnaireEditor.key')),
        title: text(`${path}.title`, dimension.title, t('admin.questionnaireEditor.titleField')),
        description: text(
          `${path}.description`,
          dimension.description,
          t('admin.questionnaireEditor.description'),
          true,
        ),
        itemsId: `${path}.items`,
        itemErrors: errors(`${path}.items`),
        items: dimension.items.map((item, i) => {
          const itemPath = `${path}.items[${i}]`;
          const name = t('admin.questionnaireEditor.item', { n: i + 1 });
          return {
            id: itemPath,
            legend: name,
            context: `${name}, ${area}`,
            action: `${d}-${i}`,
            errors: errors(itemPath),
            first: i === 0,
            last: i === lastItem,
            itemId: single(`${itemPath}.id`, item.id, t('admin.questionnaireEditor.id')),
            text: text(`${itemPath}.text`, item.text, t('admin.questionnaireEditor.text'), true),
            selfText: text(
              `${itemPath}.selfText`,
              item.selfText,
              t('admin.questionnaireEditor.selfText'),
              true,
            ),
          };
        }),
      };
    }),
    openErrors: errors('openQuestions'),
    openQuestions: draft.openQuestions.map((question, q) => {
      const path = `openQuestions[${q}]`;
      const name = t('admin.questionnaireEditor.open', { n: q + 1 });
      return {
        id: path,
        legend: name,
        index: q,
        errors: errors(path),
        first: q === 0,
        last: q === draft.openQuestions.length - 1,
        itemId: single(`${path}.id`, question.id, t('admin.questionnaireEditor.id')),
        text: text(`${path}.text`, question.text, t('admin.questionnaireEditor.text'), true),
        selfText: text(
          `${path}.selfText`,
          question.selfText,
          t('admin.questionnaireEditor.openSelfText'),
          true,
        ),
      };
    }),
  };
}
