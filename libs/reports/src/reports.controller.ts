import { Controller, Get, HttpStatus, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, type AdminActor } from '@ledarspegel/auth';
import { API_PREFIX } from '@ledarspegel/core';
import { ReportsService } from './reports.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });

@ApiTags('reports')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/campaigns`)
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/reports/:employeeId')
  @ApiOperation({
    summary: "A subject's report: only figures from at least k people; null where suppressed",
  })
  get(
    @Actor() actor: AdminActor,
    @Param('id', uuid) id: string,
    @Param('employeeId') employeeId: string,
  ): Promise<unknown> {
    return this.reports.get(actor, id, employeeId);
  }
}
