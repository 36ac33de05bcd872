import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { canonicalQuestionnaire, type LocalizedText, type Questionnaire } from './questionnaire';

export class QuestionnaireSummaryDto {
  @ApiProperty() key!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ example: { sv: 'Ledarskap', en: 'Leadership' } }) title!: LocalizedText;
  @ApiPropertyOptional() description?: LocalizedText;
  @ApiProperty() dimensionCount!: number;
  @ApiProperty() itemCount!: number;
  @ApiProperty({ description: 'a seed: read-only, copy it to make one of your own' })
  template!: boolean;
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

export function toQuestionnaireSummary(
  questionnaire: Questionnaire,
  template: boolean,
): QuestionnaireSummaryDto {
  return {
    key: questionnaire.key,
    version: questionnaire.version,
    title: questionnaire.title,
    description: questionnaire.description,
    dimensionCount: questionnaire.dimensions.length,
    itemCount: questionnaire.dimensions.reduce((sum, dimension) => sum + dimension.items.length, 0),
    template,
  };
}

/** The questionnaire in the seeds' format: what GET returns, an export holds and POST takes. */
export function toQuestionnaireResponse(questionnaire: Questionnaire): QuestionnaireResponse {
  return canonicalQuestionnaire(questionnaire);
}
