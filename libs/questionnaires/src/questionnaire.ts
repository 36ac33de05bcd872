/** A questionnaire template as shipped in `seeds/questionnaires/*.json`. */
export interface LocalizedText {
  sv: string;
  en: string;
}

export interface QuestionnaireItem {
  id: string;
  /** the sentence of the source document the item comes from */
  source?: string;
  text: LocalizedText;
  selfText: LocalizedText;
}

export interface QuestionnaireDimension {
  key: string;
  title: LocalizedText;
  description?: LocalizedText;
  items: QuestionnaireItem[];
}

export interface OpenQuestion {
  id: string;
  text: LocalizedText;
  selfText?: LocalizedText;
}

export interface QuestionnaireScale {
  min: number;
  max: number;
  labels: Record<string, LocalizedText>;
  allowNotApplicable: boolean;
  notApplicableLabel?: LocalizedText;
}

export interface Questionnaire {
  key: string;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  source?: { organisation: string; document: string; file?: string };
  scale: QuestionnaireScale;
  dimensions: QuestionnaireDimension[];
  openQuestions: OpenQuestion[];
}

/**
 * The questionnaire as a campaign that asks only `itemIds` (a pulse) has it: only those items,
 * in the questionnaire's order, only the areas that keep one, and no open questions (a pulse is
 * short). `null`: the whole questionnaire.
 */
export function restrictedTo(
  questionnaire: Questionnaire,
  itemIds: readonly string[] | null,
): Questionnaire {
  if (!itemIds) {
    return questionnaire;
  }
  const wanted = new Set(itemIds);
  return {
    ...questionnaire,
    dimensions: questionnaire.dimensions
      .map((dimension) => ({
        ...dimension,
        items: dimension.items.filter((item) => wanted.has(item.id)),
      }))
      .filter((dimension) => dimension.items.length > 0),
    openQuestions: [],
  };
}

const localized = (text: LocalizedText): LocalizedText => ({ sv: text.sv, en: text.en });
const optionalLocalized = (text: LocalizedText | undefined) =>
  text === undefined ? {} : { description: localized(text) };

/**
 * A valid questionnaire with only the fields the format knows, in the format's order: what is
 * stored, what `GET /questionnaires/:key` returns and what an export file holds. Whatever else a
 * body carried (an unknown field, a label for a value outside the scale) is not kept, nor an
 * item's `source` (the seed's sentence it came from: the seed files keep it for their tests).
 */
export function canonicalQuestionnaire(questionnaire: Questionnaire): Questionnaire {
  const { scale } = questionnaire;
  const labels: Record<string, LocalizedText> = {};
  for (let value = scale.min; value <= scale.max; value += 1) {
    const label = scale.labels[String(value)];
    if (label) {
      labels[String(value)] = localized(label);
    }
  }
  return {
    key: questionnaire.key,
    version: questionnaire.version,
    title: localized(questionnaire.title),
    ...optionalLocalized(questionnaire.description),
    ...(questionnaire.source
      ? {
          source: {
            organisation: questionnaire.source.organisation,
            document: questionnaire.source.document,
            ...(questionnaire.source.file === undefined ? {} : { file: questionnaire.source.file }),
          },
        }
      : {}),
    scale: {
      min: scale.min,
      max: scale.max,
      labels,
      allowNotApplicable: scale.allowNotApplicable,
      ...(scale.allowNotApplicable && scale.notApplicableLabel
        ? { notApplicableLabel: localized(scale.notApplicableLabel) }
        : {}),
    },
    dimensions: questionnaire.dimensions.map((dimension) => ({
      key: dimension.key,
      title: localized(dimension.title),
      ...optionalLocalized(dimension.description),
      items: dimension.items.map((item) => ({
        id: item.id,
        text: localized(item.text),
        selfText: localized(item.selfText),
      })),
    })),
    openQuestions: questionnaire.openQuestions.map((question) => ({
      id: question.id,
      text: localized(question.text),
      ...(question.selfText ? { selfText: localized(question.selfText) } : {}),
    })),
  };
}
