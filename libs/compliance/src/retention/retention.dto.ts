import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min, ValidateIf } from 'class-validator';

/** Retention periods are whole months, from one month to fifty years; null keeps for ever. */
export const MAX_RETENTION_MONTHS = 600;

export class RetentionSettingsDto {
  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_RETENTION_MONTHS,
    description: 'months after a campaign closes that its reports and answers are disposed of',
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_RETENTION_MONTHS)
  reportsMonths!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    minimum: 1,
    maximum: MAX_RETENTION_MONTHS,
    description: 'months after a person left (missing from an import) that they are anonymised',
  })
  @ValidateIf((_, value) => value !== null)
  @IsInt()
  @Min(1)
  @Max(MAX_RETENTION_MONTHS)
  inactivePeopleMonths!: number | null;
}

export class RetentionRunDto {
  @ApiProperty() ranAt!: string;
  @ApiProperty({ type: Number, nullable: true }) reportsMonths!: number | null;
  @ApiProperty({ type: Number, nullable: true }) inactivePeopleMonths!: number | null;
  @ApiProperty({ description: 'closed campaigns whose data was disposed of' })
  campaignsDisposed!: number;
  @ApiProperty() reportsRemoved!: number;
  @ApiProperty({ description: 'sealed answers removed' }) responsesRemoved!: number;
  @ApiProperty({ description: 'e-mails (outbox rows) removed' }) messagesRemoved!: number;
  @ApiProperty({ description: 'who-rates-whom rows removed' }) assignmentsRemoved!: number;
  @ApiProperty({ description: "managers' development plans removed" }) plansRemoved!: number;
  @ApiProperty({ description: "managers' nominations of raters removed" })
  nominationsRemoved!: number;
  @ApiProperty() peopleAnonymised!: number;
}

export class RetentionResponseDto extends RetentionSettingsDto {
  @ApiProperty({ type: String, nullable: true }) updatedAt!: string | null;
  @ApiProperty({ type: RetentionRunDto, nullable: true }) lastRun!: RetentionRunDto | null;
}
