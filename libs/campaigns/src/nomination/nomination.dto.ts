import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsSafeText } from '@ledarspegel/text';
import {
  MANUAL_RELATIONSHIPS,
  ManualRelationship,
  NOMINATION_APPROVERS,
  NominationApprover,
} from '../relationship';
import { NOMINATION_STATUSES, NominationStatus } from './nomination.entity';

/** No subject nominates more raters than this (a sensible bound, not a rule of the method). */
export const MAX_NOMINATED = 50;

export class NominationSettingsDto {
  @ApiProperty({ description: 'true: each subject nominates peers and others before launch' })
  @IsBoolean()
  bySubject!: boolean;

  @ApiProperty({ minimum: 0, maximum: MAX_NOMINATED, example: 3 })
  @IsInt()
  @Min(0)
  @Max(MAX_NOMINATED)
  min!: number;

  @ApiProperty({ minimum: 1, maximum: MAX_NOMINATED, example: 8 })
  @IsInt()
  @Min(1)
  @Max(MAX_NOMINATED)
  max!: number;

  @ApiProperty({ enum: NOMINATION_APPROVERS })
  @IsIn(NOMINATION_APPROVERS)
  approver!: NominationApprover;
}

export class NominationRaterDto {
  @ApiProperty() @IsString() @IsNotEmpty() @MaxLength(64) @IsSafeText() employeeId!: string;
  @ApiProperty({ enum: MANUAL_RELATIONSHIPS })
  @IsIn(MANUAL_RELATIONSHIPS)
  relationship!: ManualRelationship;
}

/** HR's list for one subject: it replaces the approved list, within the campaign's min and max. */
export class OverrideNominationDto {
  @ApiProperty({ type: [NominationRaterDto] })
  @IsArray()
  @ArrayMaxSize(MAX_NOMINATED)
  @ValidateNested({ each: true })
  @Type(() => NominationRaterDto)
  raters!: NominationRaterDto[];
}

export class CampaignNominationDto {
  @ApiProperty() bySubject!: boolean;
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ enum: NOMINATION_APPROVERS }) approver!: NominationApprover;
}

export class NominatedRaterDto {
  @ApiProperty() employeeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: MANUAL_RELATIONSHIPS }) relationship!: ManualRelationship;
}

export class SubjectNominationDto {
  @ApiProperty() employeeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: NOMINATION_STATUSES }) status!: NominationStatus;
  @ApiProperty({ type: [String], description: "employee ids on the subject's own list" })
  nominated!: string[];
  @ApiProperty({
    type: [String],
    description: 'employee ids on the approved list (launch uses it)',
  })
  approved!: string[];
  @ApiProperty({ enum: NOMINATION_APPROVERS, description: 'who approves this subject' })
  approver!: NominationApprover;
  @ApiProperty({ type: String, nullable: true }) approverEmployeeId!: string | null;
  @ApiProperty({ enum: NOMINATION_APPROVERS, nullable: true })
  approvedBy!: NominationApprover | null;
  @ApiProperty({ type: [NominatedRaterDto] }) nominatedRaters!: NominatedRaterDto[];
  @ApiProperty({ type: [NominatedRaterDto] }) approvedRaters!: NominatedRaterDto[];
}

export class NominationsDto {
  @ApiProperty() campaignId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: CampaignNominationDto }) nomination!: CampaignNominationDto;
  @ApiProperty({ type: [SubjectNominationDto] }) bySubject!: SubjectNominationDto[];
}

export class OpenNominationsResultDto {
  @ApiProperty() subjects!: number;
  @ApiProperty() emailsQueued!: number;
}

export class NominationRemindersDto {
  @ApiProperty({ description: 'subjects still waiting, reminded' }) subjects!: number;
  @ApiProperty({ description: 'managers with a list to approve, reminded' }) approvers!: number;
  @ApiProperty() emailsQueued!: number;
}
