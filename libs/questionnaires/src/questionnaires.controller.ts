import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_PREFIX } from '@ledarspegel/core';
import { QuestionnaireRegistry } from './questionnaire-registry';
import {
  GetQuestionnaireQueryDto,
  QuestionnaireResponse,
  QuestionnaireSummaryDto,
  toQuestionnaireResponse,
  toQuestionnaireSummary,
} from './questionnaire.dto';

@ApiTags('questionnaires')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/questionnaires`)
export class QuestionnairesController {
  constructor(@Inject(QuestionnaireRegistry) private readonly registry: QuestionnaireRegistry) {}

  @Get()
  @ApiOkResponse({ type: [QuestionnaireSummaryDto] })
  list(): QuestionnaireSummaryDto[] {
    return this.registry.latest().map(toQuestionnaireSummary);
  }

  @Get(':key')
  @ApiOperation({ summary: 'One questionnaire with its dimensions, items and open questions' })
  get(@Param('key') key: string, @Query() query: GetQuestionnaireQueryDto): QuestionnaireResponse {
    return toQuestionnaireResponse(this.registry.get(key, query.version));
  }
}
