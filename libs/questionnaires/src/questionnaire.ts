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
