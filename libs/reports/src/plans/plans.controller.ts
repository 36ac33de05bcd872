import { Body, Controller, Get, HttpStatus, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { CampaignResponseDto } from '@ledarspegel/campaigns';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, type AdminActor } from '@ledarspegel/auth';
import { API_PREFIX } from '@ledarspegel/core';
import { CreatePulseDto } from './create-pulse.dto';
import { PlanCountsDto, PlansService } from './plans.service';

const uuid = new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });

@ApiTags('plans')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/campaigns`)
export class PlansController {
  constructor(private readonly plans: PlansService) {}

  @Get(':id/plans')
  @ApiOperation({
    summary: 'How many subjects have a development plan and how many share it (counts only)',
  })
  counts(@Actor() actor: AdminActor, @Param('id', uuid) id: string): Promise<PlanCountsDto> {
    return this.plans.counts(actor, id);
  }

  @Post(':id/pulse')
  @ApiOperation({
    summary:
      "Create a draft pulse campaign: the managers with a development plan, asked only the plans' focus items",
  })
  pulse(
    @Actor() actor: AdminActor,
    @Param('id', uuid) id: string,
    @Body() dto: CreatePulseDto,
  ): Promise<CampaignResponseDto> {
    return this.plans.pulse(actor, id, dto);
  }
}
