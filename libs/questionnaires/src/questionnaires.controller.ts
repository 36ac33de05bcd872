import { Body, Controller, Get, HttpCode, Inject, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, type AdminActor } from '@ledarspegel/auth';
import { API_PREFIX } from '@ledarspegel/core';
import {
  GetQuestionnaireQueryDto,
  QuestionnaireResponse,
  QuestionnaireSummaryDto,
} from './questionnaire.dto';
import { QuestionnairesService } from './questionnaires.service';

const FORMAT = 'the seeds’ JSON format, as GET /questionnaires/:key returns it';

@ApiTags('questionnaires')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/questionnaires`)
export class QuestionnairesController {
  constructor(@Inject(QuestionnairesService) private readonly service: QuestionnairesService) {}

  @Get()
  @ApiOkResponse({ type: [QuestionnaireSummaryDto] })
  list(@Actor() actor: AdminActor): Promise<QuestionnaireSummaryDto[]> {
    return this.service.list(actor);
  }

  @Get(':key')
  @ApiOperation({ summary: 'One questionnaire with its dimensions, items and open questions' })
  get(
    @Actor() actor: AdminActor,
    @Param('key') key: string,
    @Query() query: GetQuestionnaireQueryDto,
  ): Promise<QuestionnaireResponse> {
    return this.service.get(actor, key, query.version);
  }

  @Post()
  @ApiOperation({
    summary: `Creates a questionnaire of your own (version 1) from ${FORMAT}; 422 lists every problem, 409 on a template's or a used key`,
  })
  @ApiBody({ schema: { type: 'object' } })
  @ApiCreatedResponse()
  create(@Actor() actor: AdminActor, @Body() body: unknown): Promise<QuestionnaireResponse> {
    return this.service.create(actor, body);
  }

  @Put(':key')
  @HttpCode(200)
  @ApiOperation({
    summary: `Saves a new version (the newest + 1) from ${FORMAT}; no saved version ever changes; 409 on a template`,
  })
  @ApiBody({ schema: { type: 'object' } })
  update(
    @Actor() actor: AdminActor,
    @Param('key') key: string,
    @Body() body: unknown,
  ): Promise<QuestionnaireResponse> {
    return this.service.update(actor, key, body);
  }
}
