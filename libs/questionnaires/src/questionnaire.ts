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
