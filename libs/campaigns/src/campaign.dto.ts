import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsSafeText } from '@ledarspegel/text';
import type { Campaign } from './campaign.entity';
import type { GroupWarning } from '@ledarspegel/anonymity';
import { CampaignNominationDto, NominationSettingsDto } from './nomination/nomination.dto';
import {
  CAMPAIGN_STATUSES,
  DEFAULT_ANONYMITY_THRESHOLD,
  MANUAL_RELATIONSHIPS,
  ManualRelationship,
  MIN_ANONYMITY_THRESHOLD,
  RELATIONSHIPS,
  Relationship,
} from './relationship';

export class SubjectSelectionDto {
  @ApiPropertyOptional({ type: [String], description: 'employee ids of the managers to assess' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10_000)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  @IsSafeText({}, { each: true })
  employeeIds?: string[];

  @ApiPropertyOptional({ description: 'everyone in this unit who manages someone' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsSafeText()
  unit?: string;

  @ApiPropertyOptional({
    description: 'every active person with at least one active direct report',
  })
  @IsOptional()
  @IsBoolean()
  allManagers?: boolean;
}

export class CreateCampaignDto {
  @ApiProperty({ example: 'Ledarskapsenkät hösten 2026' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsSafeText()
  name!: string;

  @ApiProperty({ example: 'huddinge-ledarskap' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @IsSafeText()
  questionnaireKey!: string;

  @ApiProperty({ type: SubjectSelectionDto })
  @IsObject({
    message: 'subjects is required: an object with employeeIds, a unit or allManagers: true',
  })
  @ValidateNested()
  @Type(() => SubjectSelectionDto)
  subjects!: SubjectSelectionDto;

  @ApiPropertyOptional({
    enum: RELATIONSHIPS,
    isArray: true,
    default: ['self', 'manager', 'direct_report', 'peer'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(RELATIONSHIPS, { each: true })
  raterGroups?: Relationship[];

  @ApiPropertyOptional({
    default: DEFAULT_ANONYMITY_THRESHOLD,
    minimum: MIN_ANONYMITY_THRESHOLD,
    maximum: 50,
  })
  @IsOptional()
  @IsInt()
  @Min(MIN_ANONYMITY_THRESHOLD, {
    message: `anonymityThreshold must be at least ${MIN_ANONYMITY_THRESHOLD}`,
  })
  @Max(50)
  anonymityThreshold?: number;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  showManagerSeparately?: boolean;

  @ApiPropertyOptional({ example: '2026-12-15T16:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closesAt?: string;

  @ApiPropertyOptional({ type: [Number], example: [3, 7], description: 'days after launch' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  reminderDays?: number[];

  @ApiPropertyOptional({
    type: NominationSettingsDto,
    description: 'the subjects nominate their peers and others; the manager or HR approves',
  })
  @IsOptional()
  @IsObject({ message: 'nomination must be an object: {bySubject, min, max, approver}' })
  @ValidateNested()
  @Type(() => NominationSettingsDto)
  nomination?: NominationSettingsDto;
}

export class AddRaterDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) @IsSafeText() subjectEmployeeId!: string;
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) @IsSafeText() raterEmployeeId!: string;
  @ApiProperty({ enum: MANUAL_RELATIONSHIPS })
  @IsIn(MANUAL_RELATIONSHIPS)
  relationship!: ManualRelationship;
}

export class CampaignSubjectDto {
  @ApiProperty() employeeId!: string;
  @ApiProperty() name!: string;
}

export class CampaignResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() questionnaireKey!: string;
  @ApiProperty() questionnaireVersion!: number;
  @ApiProperty({ enum: CAMPAIGN_STATUSES }) status!: string;
  @ApiProperty() anonymityThreshold!: number;
  @ApiProperty() showManagerSeparately!: boolean;
  @ApiProperty({ enum: RELATIONSHIPS, isArray: true }) raterGroups!: Relationship[];
  @ApiProperty({ type: String, nullable: true }) closesAt!: string | null;
  @ApiProperty({ type: [Number] }) reminderDays!: number[];
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) launchedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: [CampaignSubjectDto] }) subjects!: CampaignSubjectDto[];
  @ApiProperty({ type: CampaignNominationDto, nullable: true })
  nomination!: CampaignNominationDto | null;
}

/** The campaign's nomination settings, or null where HR alone decides the raters. */
export function nominationOf(campaign: Campaign): CampaignNominationDto | null {
  if (
    campaign.nominationMin === null ||
    campaign.nominationMax === null ||
    campaign.nominationApprover === null
  ) {
    return null;
  }
  return {
    bySubject: true,
    min: campaign.nominationMin,
    max: campaign.nominationMax,
    approver: campaign.nominationApprover,
  };
}

export function toCampaignResponse(
  campaign: Campaign,
  subjects: CampaignSubjectDto[],
): CampaignResponseDto {
  return {
    id: campaign.id,
    name: campaign.name,
    questionnaireKey: campaign.questionnaireKey,
    questionnaireVersion: campaign.questionnaireVersion,
    status: campaign.status,
    anonymityThreshold: campaign.anonymityThreshold,
    showManagerSeparately: campaign.showManagerSeparately,
    raterGroups: campaign.raterGroups,
    closesAt: campaign.closesAt?.toISOString() ?? null,
    reminderDays: campaign.reminderDays.map(Number),
    createdAt: campaign.createdAt.toISOString(),
    launchedAt: campaign.launchedAt?.toISOString() ?? null,
    closedAt: campaign.closedAt?.toISOString() ?? null,
    subjects,
    nomination: nominationOf(campaign),
  };
}

export interface RaterPreviewDto {
  employeeId: string;
  name: string;
  relationship: Relationship;
}

export interface SubjectRatersDto {
  employeeId: string;
  name: string;
  counts: Record<Relationship, number>;
  raters: RaterPreviewDto[];
  warnings: GroupWarning[];
}

export interface RatersPreviewDto {
  campaignId: string;
  status: string;
  threshold: number;
  raters: number;
  assignments: number;
  subjects: SubjectRatersDto[];
}

export interface LaunchResultDto {
  invited: number;
  emailsQueued: number;
}

export interface ProgressDto {
  invited: number;
  responded: number;
  raters: number;
  bySubject: { employeeId: string; name: string; invited: number; responded: number }[];
  byDay: { day: string; responded: number }[];
  mail: {
    pending: number;
    sent: number;
    failed: number;
    failures: { to: string; error: string | null }[];
  };
  remindersSent: number[];
}
