import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { LocalizedText, Questionnaire } from './questionnaire';

export class QuestionnaireSummaryDto {
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ example: { sv: 'Ledarskap', en: 'Leadership' } }) title!: LocalizedText;
  @ApiPropertyOptional() description?: LocalizedText;
  @ApiProperty() dimensionCount!: number;
  @ApiProperty() itemCount!: number;
}

export class GetQuestionnaireQueryDto {
  @ApiPropertyOptional({ description: 'a specific version; the newest by default' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(1)
  version?: number;
}

/** The public shape of a questionnaire (INTERFACE.md). */
export interface QuestionnaireResponse {
  key: string;
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  source?: Questionnaire['source'];
  scale: Questionnaire['scale'];
  dimensions: {
    key: string;
    title: LocalizedText;
    description?: LocalizedText;
    items: { id: string; text: LocalizedText; selfText: LocalizedText }[];
  }[];
  openQuestions: { id: string; text: LocalizedText; selfText?: LocalizedText }[];
}

export function toQuestionnaireSummary(questionnaire: Questionnaire): QuestionnaireSummaryDto {
  return {
    key: questionnaire.key,
    version: questionnaire.version,
    title: questionnaire.title,
    description: questionnaire.description,
    dimensionCount: questionnaire.dimensions.length,
    itemCount: questionnaire.dimensions.reduce((sum, dimension) => sum + dimension.items.length, 0),
  };
}

export function toQuestionnaireResponse(questionnaire: Questionnaire): QuestionnaireResponse {
  return {
    key: questionnaire.key,
    version: questionnaire.version,
    title: questionnaire.title,
    description: questionnaire.description,
    source: questionnaire.source,
    scale: questionnaire.scale,
    dimensions: questionnaire.dimensions.map((dimension) => ({
      key: dimension.key,
      title: dimension.title,
      description: dimension.description,
      items: dimension.items.map(({ id, text, selfText }) => ({ id, text, selfText })),
    })),
    openQuestions: questionnaire.openQuestions.map(({ id, text, selfText }) => ({
      id,
      text,
      selfText,
    })),
  };
}
