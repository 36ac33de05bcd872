import { Controller, Get, Header, HttpStatus, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, type AdminActor } from '@ledarspegel/auth';
import { API_PREFIX } from '@ledarspegel/core';
import type { OrganisationSummary } from './organisation-summary';
import type { ReportResponseDto } from './report-content';
import { ReportsService } from './reports.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });

@ApiTags('reports')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/campaigns`)
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get(':id/summary')
  @ApiOperation({
    summary:
      "Organisation view: each manager's others per dimension where shown, roll-ups, response rates by unit",
  })
  summary(@Actor() actor: AdminActor, @Param('id', uuid) id: string): Promise<OrganisationSummary> {
    return this.reports.summary(actor, id);
  }

  @Get(':id/export.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="ledarspegel-export.csv"')
  exportCsv(@Actor() actor: AdminActor, @Param('id', uuid) id: string): Promise<string> {
    return this.reports.exportCsv(actor, id);
  }

  @Get(':id/export.xlsx')
  @Header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @Header('content-disposition', 'attachment; filename="ledarspegel-export.xlsx"')
  exportXlsx(@Actor() actor: AdminActor, @Param('id', uuid) id: string): Promise<Buffer> {
    return this.reports.exportXlsx(actor, id);
  }

  @Get(':id/reports/:employeeId.pdf')
  @Header('content-type', 'application/pdf')
  @ApiOperation({
    summary: "A subject's report as PDF (?lang=sv|en, default the subject's language)",
  })
  pdf(
    @Actor() actor: AdminActor,
    @Param('id', uuid) id: string,
    @Param('employeeId') employeeId: string,
    @Query('lang') lang: unknown,
  ): Promise<Buffer> {
    return this.reports.pdf(
      actor,
      id,
      employeeId,
      lang === 'sv' || lang === 'en' ? lang : undefined,
    );
  }

  @Get(':id/reports/:employeeId')
  @ApiOperation({
    summary: "A subject's report: only figures from at least k people; null where suppressed",
  })
  get(
    @Actor() actor: AdminActor,
    @Param('id', uuid) id: string,
    @Param('employeeId') employeeId: string,
  ): Promise<ReportResponseDto> {
    return this.reports.get(actor, id, employeeId);
  }
}
