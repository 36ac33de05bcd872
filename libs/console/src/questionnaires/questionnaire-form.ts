import type { Questionnaire } from '@ledarspegel/questionnaires';
import type { Form } from '../views/form';

/**
 * The questionnaire editor's form, pure: what HR typed as a draft (every field a string, so
 * that the form comes back exactly as typed), the change a button asks for (add, remove, move
 * an area, an item or an open question), and the body the questionnaires service checks. The
 * form's field names are the validation's paths (`dimensions[1].items[0].text.sv`), so each
 * problem the validation names belongs to the field of that name.
 */
export interface TextPair {
  sv: string;
  en: string;
}

export interface DraftItem {
  id: string;
  text: TextPair;
  selfText: TextPair;
}

export interface DraftDimension {
  key: string;
  title: TextPair;
  description: TextPair;
  items: DraftItem[];
}

export interface DraftQuestionnaire {
  key: string;
  title: TextPair;
  description: TextPair;
  scale: {
    min: string;
    max: string;
    labels: Record<string, TextPair>;
    allowNotApplicable: boolean;
    notApplicableLabel: TextPair;
  };
  dimensions: DraftDimension[];
  openQuestions: DraftItem[];
}

export type EditorMode = 'create' | 'update';

export type EditorAction =
  | { kind: 'save' }
  | { kind: 'preview'; self: boolean }
  | { kind: 'scale' }
  | {
      kind: 'add' | 'remove' | 'up' | 'down';
      what: 'dimension' | 'item' | 'open';
      index: number;
      item: number;
    };

/** Indices past this are ignored: no form of a valid questionnaire comes near. */
const MAX_INDEX = 999;

const empty = (): TextPair => ({ sv: '', en: '' });
const pair = (text: { sv: string; en: string } | undefined): TextPair =>
  text ? { sv: text.sv, en: text.en } : empty();

/** An empty questionnaire to start from: a 1-5 scale, one area with one item. */
export function blankDraft(): DraftQuestionnaire {
  return {
    key: '',
    title: empty(),
    description: empty(),
    scale: {
      min: '1',
      max: '5',
      labels: Object.fromEntries(['1', '2', '3', '4', '5'].map((value) => [value, empty()])),
      allowNotApplicable: true,
      notApplicableLabel: { sv: 'Vet inte', en: "Don't know" },
    },
    dimensions: [newDimension([], [])],
    openQuestions: [],
  };
}

export function draftOf(questionnaire: Questionnaire): DraftQuestionnaire {
  const { scale } = questionnaire;
  return {
    key: questionnaire.key,
    title: pair(questionnaire.title),
    description: pair(questionnaire.description),
    scale: {
      min: String(scale.min),
      max: String(scale.max),
      labels: Object.fromEntries(
        Object.entries(scale.labels).map(([value, label]) => [value, pair(label)]),
      ),
      allowNotApplicable: scale.allowNotApplicable,
      notApplicableLabel: pair(scale.notApplicableLabel),
    },
    dimensions: questionnaire.dimensions.map((dimension) => ({
      key: dimension.key,
      title: pair(dimension.title),
      description: pair(dimension.description),
      items: dimension.items.map((item) => ({
        id: item.id,
        text: pair(item.text),
        selfText: pair(item.selfText),
      })),
    })),
    openQuestions: questionnaire.openQuestions.map((question) => ({
      id: question.id,
      text: pair(question.text),
      selfText: pair(question.selfText),
    })),
  };
}

/** A text field as typed: line breaks (a pasted paragraph) become spaces, ends trimmed. */
const field = (value: unknown): string =>
  typeof value === 'string' ? value.replace(/[\r\n]+/g, ' ').trim() : '';

/** A sparse list by index, in index order, without the holes. */
function compact<T>(byIndex: Map<number, T>): T[] {
  return [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, value]) => value);
}

function setPair(target: TextPair, language: string, value: unknown): void {
  if (language === 'sv' || language === 'en') {
    target[language] = field(value);
  }
}

/** The draft a posted editor form holds. Unknown fields are ignored. */
export function readDraft(form: Form): DraftQuestionnaire {
  const draft = blankDraft();
  draft.key = field(form.key);
  draft.title = { sv: field(form['title.sv']), en: field(form['title.en']) };
  draft.description = { sv: field(form['description.sv']), en: field(form['description.en']) };
  draft.scale = {
    min: field(form['scale.min']),
    max: field(form['scale.max']),
    labels: {},
    allowNotApplicable: form['scale.allowNotApplicable'] === 'on',
    notApplicableLabel: {
      sv: field(form['scale.notApplicableLabel.sv']),
      en: field(form['scale.notApplicableLabel.en']),
    },
  };
  const dimensions = new Map<number, DraftDimension & { itemsByIndex: Map<number, DraftItem> }>();
  const openQuestions = new Map<number, DraftItem>();
  const dimension = (index: number) => {
    let found = dimensions.get(index);
    if (!found) {
      found = {
        key: '',
        title: empty(),
        description: empty(),
        items: [],
        itemsByIndex: new Map(),
      };
      dimensions.set(index, found);
    }
    return found;
  };
  const entry = (byIndex: Map<number, DraftItem>, index: number): DraftItem => {
    let found = byIndex.get(index);
    if (!found) {
      found = { id: '', text: empty(), selfText: empty() };
      byIndex.set(index, found);
    }
    return found;
  };
  const setEntry = (target: DraftItem, name: string, value: unknown): void => {
    const [part, language] = name.split('.');
    if (part === 'id' && language === undefined) {
      target.id = field(value);
    } else if ((part === 'text' || part === 'selfText') && language) {
      setPair(target[part], language, value);
    }
  };
  for (const [name, value] of Object.entries(form)) {
    let match = /^scale\.labels\.(-?\d{1,2})\.(sv|en)$/.exec(name);
    if (match) {
      const label = (draft.scale.labels[match[1]!] ??= empty());
      setPair(label, match[2]!, value);
      continue;
    }
    match = /^dimensions\[(\d{1,3})\]\.items\[(\d{1,3})\]\.(.+)$/.exec(name);
    if (match) {
      setEntry(entry(dimension(Number(match[1])).itemsByIndex, Number(match[2])), match[3]!, value);
      continue;
    }
    match =
      /^dimensions\[(\d{1,3})\]\.(key|title\.sv|title\.en|description\.sv|description\.en)$/.exec(
        name,
      );
    if (match) {
      const target = dimension(Number(match[1]));
      const [part, language] = match[2]!.split('.');
      if (part === 'key') {
        target.key = field(value);
      } else if (part === 'title' || part === 'description') {
        setPair(target[part], language!, value);
      }
      continue;
    }
    match = /^openQuestions\[(\d{1,3})\]\.(.+)$/.exec(name);
    if (match) {
      setEntry(entry(openQuestions, Number(match[1])), match[2]!, value);
    }
  }
  draft.dimensions = compact(dimensions).map(({ itemsByIndex, ...rest }) => ({
    ...rest,
    items: compact(itemsByIndex),
  }));
  draft.openQuestions = compact(openQuestions);
  return draft;
}

export function readMode(form: Form): EditorMode {
  return form.mode === 'update' ? 'update' : 'create';
}

/** The button HR pressed; anything unknown saves nothing and changes nothing (a re-render). */
export function readAction(form: Form): EditorAction {
  const value = typeof form.action === 'string' ? form.action : '';
  if (value === 'save') {
    return { kind: 'save' };
  }
  if (value === 'preview' || value === 'preview-self') {
    return { kind: 'preview', self: value === 'preview-self' };
  }
  const match = /^(add|remove|up|down)-(dimension|item|open)(?:-(\d{1,3}))?(?:-(\d{1,3}))?$/.exec(
    value,
  );
  if (match) {
    return {
      kind: match[1] as 'add' | 'remove' | 'up' | 'down',
      what: match[2] as 'dimension' | 'item' | 'open',
      index: Number(match[3] ?? -1),
      item: Number(match[4] ?? -1),
    };
  }
  return { kind: 'scale' };
}

/** An id of the form `prefix-N` that nothing in the questionnaire uses yet. */
function freshId(prefix: string, used: readonly string[]): string {
  const taken = new Set(used);
  for (let n = used.length + 1; ; n += 1) {
    if (!taken.has(`${prefix}-${n}`)) {
      return `${prefix}-${n}`;
    }
  }
}

const itemIds = (draft: Pick<DraftQuestionnaire, 'dimensions' | 'openQuestions'>): string[] => [
  ...draft.dimensions.flatMap((d) => d.items.map((i) => i.id)),
  ...draft.openQuestions.map((q) => q.id),
];

function newDimension(keys: readonly string[], ids: readonly string[]): DraftDimension {
  return {
    key: freshId('omrade', keys),
    title: empty(),
    description: empty(),
    items: [{ id: freshId('item', ids), text: empty(), selfText: empty() }],
  };
}

function move<T>(list: T[], from: number, to: number): boolean {
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) {
    return false;
  }
  const [moved] = list.splice(from, 1);
  list.splice(to, 0, moved as T);
  return true;
}

/**
 * The draft with one change made, and the field to put the focus on afterwards (the new or
 * moved entry's first field), or null where the change named nothing that exists.
 */
export function applyAction(
  draft: DraftQuestionnaire,
  action: Extract<EditorAction, { what: unknown }>,
): { draft: DraftQuestionnaire; focus: string | null } {
  const next = structuredClone(draft);
  const { kind, what, index, item } = action;
  if (what === 'dimension') {
    const list = next.dimensions;
    if (kind === 'add' && list.length <= MAX_INDEX) {
      list.push(
        newDimension(
          list.map((d) => d.key),
          itemIds(next),
        ),
      );
      return { draft: next, focus: `dimensions[${list.length - 1}].title.sv` };
    }
    if (kind === 'remove' && index < list.length && index >= 0) {
      list.splice(index, 1);
      return { draft: next, focus: 'dimensions' };
    }
    const to = kind === 'up' ? index - 1 : index + 1;
    if ((kind === 'up' || kind === 'down') && move(list, index, to)) {
      return { draft: next, focus: `dimensions[${to}].key` };
    }
    return { draft, focus: null };
  }
  if (what === 'item') {
    const items = next.dimensions[index]?.items;
    if (!items) {
      return { draft, focus: null };
    }
    if (kind === 'add' && items.length <= MAX_INDEX) {
      items.push({ id: freshId('item', itemIds(next)), text: empty(), selfText: empty() });
      return { draft: next, focus: `dimensions[${index}].items[${items.length - 1}].text.sv` };
    }
    if (kind === 'remove' && item >= 0 && item < items.length) {
      items.splice(item, 1);
      return { draft: next, focus: `dimensions[${index}].items` };
    }
    const to = kind === 'up' ? item - 1 : item + 1;
    if ((kind === 'up' || kind === 'down') && move(items, item, to)) {
      return { draft: next, focus: `dimensions[${index}].items[${to}].id` };
    }
    return { draft, focus: null };
  }
  const list = next.openQuestions;
  if (kind === 'add' && list.length <= MAX_INDEX) {
    list.push({ id: freshId('fraga', itemIds(next)), text: empty(), selfText: empty() });
    return { draft: next, focus: `openQuestions[${list.length - 1}].text.sv` };
  }
  if (kind === 'remove' && index >= 0 && index < list.length) {
    list.splice(index, 1);
    return { draft: next, focus: 'openQuestions' };
  }
  const to = kind === 'up' ? index - 1 : index + 1;
  if ((kind === 'up' || kind === 'down') && move(list, index, to)) {
    return { draft: next, focus: `openQuestions[${to}].id` };
  }
  return { draft, focus: null };
}

/** A whole number as typed, or the text itself for the validation to refuse. */
const number = (text: string): number | string => (/^-?\d{1,3}$/.test(text) ? Number(text) : text);

/** Both languages empty: the optional text is left out. */
const optional = (text: TextPair): TextPair | undefined =>
  text.sv === '' && text.en === '' ? undefined : text;

/** The values of the scale a form shows labels for: min to max where they make a scale. */
export function scaleValues(draft: DraftQuestionnaire): string[] {
  const min = number(draft.scale.min);
  const max = number(draft.scale.max);
  if (typeof min === 'number' && typeof max === 'number' && min < max && max - min <= 10) {
    return Array.from({ length: max - min + 1 }, (_, i) => String(min + i));
  }
  return Object.keys(draft.scale.labels).sort((a, b) => Number(a) - Number(b));
}

/**
 * The draft in the seeds' format, for the questionnaires service to check and store. Its paths
 * are the form's names: nothing is reordered or dropped but optional texts left empty.
 */
export function toQuestionnaireBody(draft: DraftQuestionnaire): Record<string, unknown> {
  const labels: Record<string, TextPair> = {};
  for (const value of scaleValues(draft)) {
    labels[value] = draft.scale.labels[value] ?? empty();
  }
  return {
    key: draft.key,
    title: draft.title,
    ...(optional(draft.description) ? { description: draft.description } : {}),
    scale: {
      min: number(draft.scale.min),
      max: number(draft.scale.max),
      labels,
      allowNotApplicable: draft.scale.allowNotApplicable,
      ...(draft.scale.allowNotApplicable
        ? { notApplicableLabel: draft.scale.notApplicableLabel }
        : {}),
    },
    dimensions: draft.dimensions.map((dimension) => ({
      key: dimension.key,
      title: dimension.title,
      ...(optional(dimension.description) ? { description: dimension.description } : {}),
      items: dimension.items,
    })),
    openQuestions: draft.openQuestions.map((question) => ({
      id: question.id,
      text: question.text,
      ...(optional(question.selfText) ? { selfText: question.selfText } : {}),
    })),
  };
}

/** A key for a copy of `key` that is not among `taken`: `key-egen`, `key-egen-2`, ... */
export function copyKey(key: string, taken: readonly string[]): string {
  const base = `${key.slice(0, 56)}-egen`;
  const used = new Set(taken);
  if (!used.has(base)) {
    return base;
  }
  for (let n = 2; ; n += 1) {
    if (!used.has(`${base}-${n}`)) {
      return `${base}-${n}`;
    }
  }
}
