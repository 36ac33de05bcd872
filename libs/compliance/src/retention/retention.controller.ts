import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, type AdminActor } from '@ledarspegel/auth';
import { API_PREFIX } from '@ledarspegel/core';
import { RetentionResponseDto, RetentionSettingsDto } from './retention.dto';
import { RetentionService } from './retention.service';

@ApiTags('settings')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/settings/retention`)
export class RetentionController {
  constructor(private readonly retention: RetentionService) {}

  @Get()
  @ApiOperation({ summary: 'Retention periods and what the daily job last removed (counts)' })
  @ApiOkResponse({ type: RetentionResponseDto })
  get(@Actor() actor: AdminActor): Promise<RetentionResponseDto> {
    return this.retention.get(actor);
  }

  @Put()
  @ApiOperation({
    summary: 'Set the retention periods in months (1-600; null keeps for ever); 422 if invalid',
  })
  @ApiOkResponse({ type: RetentionResponseDto })
  update(
    @Actor() actor: AdminActor,
    @Body() settings: RetentionSettingsDto,
  ): Promise<RetentionResponseDto> {
    return this.retention.update(actor, settings);
  }
}
