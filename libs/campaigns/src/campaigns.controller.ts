import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, type AdminActor } from '@ledarspegel/auth';
import { API_PREFIX } from '@ledarspegel/core';
import {
  AddRaterDto,
  CampaignResponseDto,
  CreateCampaignDto,
  LaunchResultDto,
  ProgressDto,
  RatersPreviewDto,
} from './campaign.dto';
import { CampaignsService } from './campaigns.service';
import {
  NominationRemindersDto,
  NominationsDto,
  OpenNominationsResultDto,
  OverrideNominationDto,
} from './nomination/nomination.dto';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: HttpStatus.NOT_FOUND });

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller(`${API_PREFIX}/campaigns`)
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @ApiOperation({ summary: 'Create a draft campaign' })
  create(@Actor() actor: AdminActor, @Body() dto: CreateCampaignDto): Promise<CampaignResponseDto> {
    return this.campaigns.create(actor, dto);
  }

  @Get()
  list(@Actor() actor: AdminActor): Promise<CampaignResponseDto[]> {
    return this.campaigns.list(actor);
  }

  @Get(':id')
  get(@Actor() actor: AdminActor, @Param('id', uuid) id: string): Promise<CampaignResponseDto> {
    return this.campaigns.get(actor, id);
  }

  @Get(':id/raters')
  @ApiOperation({ summary: 'Who will rate whom, per subject, with the groups that fall below k' })
  raters(@Actor() actor: AdminActor, @Param('id', uuid) id: string): Promise<RatersPreviewDto> {
    return this.campaigns.raters(actor, id);
  }

  @Post(':id/raters')
  @ApiOperation({ summary: 'Add a peer or other rater (draft only)' })
  addRater(
    @Actor() actor: AdminActor,
    @Param('id', uuid) id: string,
    @Body() dto: AddRaterDto,
  ): Promise<RatersPreviewDto> {
    return this.campaigns.addRater(actor, id, dto);
  }

  @Delete(':id/raters/:subjectEmployeeId/:raterEmployeeId')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove a peer or other rater (draft only)' })
  removeRater(
    @Actor() actor: AdminActor,
    @Param('id', uuid) id: string,
    @Param('subjectEmployeeId') subject: string,
    @Param('raterEmployeeId') rater: string,
  ): Promise<void> {
    return this.campaigns.removeRater(actor, id, subject, rater);
  }

  @Post(':id/launch')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Freeze raters and k, create the links and queue one invitation per rater',
  })
  launch(@Actor() actor: AdminActor, @Param('id', uuid) id: string): Promise<LaunchResultDto> {
    return this.campaigns.launch(actor, id);
  }

  @Get(':id/progress')
  progress(@Actor() actor: AdminActor, @Param('id', uuid) id: string): Promise<ProgressDto> {
    return this.campaigns.progress(actor, id);
  }

  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  close(@Actor() actor: AdminActor, @Param('id', uuid) id: string): Promise<{ reports: number }> {
    return this.campaigns.close(actor, id);
  }

  @Post(':id/nominations/open')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Draft to nominating: each subject gets a link to choose raters' })
  openNominations(
    @Actor() actor: AdminActor,
    @Param('id', uuid) id: string,
  ): Promise<OpenNominationsResultDto> {
    return this.campaigns.openNominations(actor, id);
  }

  @Get(':id/nominations')
  @ApiOperation({ summary: "Each subject's nomination: status, nominated and approved lists" })
  nominations(@Actor() actor: AdminActor, @Param('id', uuid) id: string): Promise<NominationsDto> {
    return this.campaigns.nominations(actor, id);
  }

  @Put(':id/nominations/:employeeId')
  @ApiOperation({ summary: "HR's own list for a subject: replaces the approved list" })
  overrideNomination(
    @Actor() actor: AdminActor,
    @Param('id', uuid) id: string,
    @Param('employeeId') employeeId: string,
    @Body() dto: OverrideNominationDto,
  ): Promise<NominationsDto> {
    return this.campaigns.overrideNomination(actor, id, employeeId, dto);
  }

  @Post(':id/nominations/:employeeId/approve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "HR approves the subject's list as nominated" })
  approveNomination(
    @Actor() actor: AdminActor,
    @Param('id', uuid) id: string,
    @Param('employeeId') employeeId: string,
  ): Promise<NominationsDto> {
    return this.campaigns.approveNomination(actor, id, employeeId);
  }

  @Post(':id/nominations/remind')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Remind subjects still waiting and managers with a list to approve' })
  remindNominations(
    @Actor() actor: AdminActor,
    @Param('id', uuid) id: string,
  ): Promise<NominationRemindersDto> {
    return this.campaigns.remindNominations(actor, id);
  }
}
