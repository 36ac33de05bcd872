import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { API_PREFIX } from '@ledarspegel/core';
import { Actor, type AdminActor } from '../admin-actor';
import { AuditPageDto, AuditQueryDto } from './audit.dto';
import { AuditTrail } from './audit-trail';

@ApiTags('audit')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/audit`)
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @ApiOperation({
    summary:
      'The audit trail, newest first: who (e-mail or system) did what to what; admins and readers',
  })
  @ApiOkResponse({ type: AuditPageDto })
  list(@Actor() actor: AdminActor, @Query() query: AuditQueryDto): Promise<AuditPageDto> {
    return this.trail.page(actor, query.page, query.pageSize);
  }
}
