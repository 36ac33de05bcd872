import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, type AdminActor, BEARER_UPLOAD } from '@ledarspegel/auth';
import { AcceptsBody, API_PREFIX, Upload } from '@ledarspegel/core';
import { PeopleService } from './people.service';
import {
  ImportResultDto,
  ListPeopleQueryDto,
  PeoplePageResponseDto,
  PersonDetailResponseDto,
} from './person.dto';

@ApiTags('people')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/people`)
export class PeopleController {
  constructor(private readonly people: PeopleService) {}

  @AcceptsBody('text/csv', 'application/csv')
  @Post('import')
  @Upload(BEARER_UPLOAD)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Import the organisation from CSV (all or nothing; 422 lists every error; 503 while two other files are read)',
  })
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'employee_id,name,email,manager_employee_id,unit,locale' },
  })
  @ApiOkResponse({ type: ImportResultDto })
  import(@Actor() actor: AdminActor, @Body() csv: unknown): Promise<ImportResultDto> {
    return this.people.importCsv(actor, csv);
  }

  @Get()
  @ApiOkResponse({ type: PeoplePageResponseDto })
  list(
    @Actor() actor: AdminActor,
    @Query() query: ListPeopleQueryDto,
  ): Promise<PeoplePageResponseDto> {
    return this.people.list(actor, query);
  }

  @Get(':employeeId')
  @ApiOkResponse({ type: PersonDetailResponseDto })
  get(
    @Actor() actor: AdminActor,
    @Param('employeeId') employeeId: string,
  ): Promise<PersonDetailResponseDto> {
    return this.people.get(actor, employeeId);
  }
}
