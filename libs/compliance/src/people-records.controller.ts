import { Controller, Get, Header, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, type AdminActor } from '@ledarspegel/auth';
import { API_PREFIX } from '@ledarspegel/core';
import { Anonymisation } from './anonymisation';
import { AnonymisedDto, RegisterExtractDto } from './extract/register-extract.dto';
import { RegisterExtractService } from './extract/register-extract.service';

const language = (lang: unknown) => (lang === 'sv' || lang === 'en' ? lang : undefined);

/** A person's register extract (GDPR art. 15) and their anonymisation once they left. */
@ApiTags('people')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/people`)
export class PeopleRecordsController {
  constructor(
    private readonly extracts: RegisterExtractService,
    private readonly anonymisation: Anonymisation,
  ) {}

  @Get(':employeeId/extract.pdf')
  @Header('content-type', 'application/pdf')
  @ApiOperation({ summary: 'The register extract as a PDF (?lang=sv|en, default their language)' })
  extractPdf(
    @Actor() actor: AdminActor,
    @Param('employeeId') employeeId: string,
    @Query('lang') lang: unknown,
  ): Promise<Buffer> {
    return this.extracts.pdf(actor, employeeId, language(lang));
  }

  @Get(':employeeId/extract')
  @ApiOperation({
    summary: 'Everything stored about a person (GDPR art. 15); answers are anonymous and not in it',
  })
  @ApiOkResponse({ type: RegisterExtractDto })
  extract(
    @Actor() actor: AdminActor,
    @Param('employeeId') employeeId: string,
  ): Promise<RegisterExtractDto> {
    return this.extracts.extract(actor, employeeId);
  }

  @Post(':employeeId/anonymise')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Replace name, e-mail and employee id of a person who left with placeholders (409 while in the organisation or an unfinished campaign)',
  })
  @ApiOkResponse({ type: AnonymisedDto })
  anonymise(
    @Actor() actor: AdminActor,
    @Param('employeeId') employeeId: string,
  ): Promise<AnonymisedDto> {
    return this.anonymisation.anonymise(actor, employeeId);
  }
}
