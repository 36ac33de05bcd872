import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value;

/** The largest page: far beyond any trail, small enough that skip stays a safe integer. */
export const MAX_AUDIT_PAGE = 1_000_000;

export class AuditQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1, maximum: MAX_AUDIT_PAGE })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(MAX_AUDIT_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}

export class AuditItemDto {
  @ApiProperty({ example: '2026-12-07T16:00:00.000Z' }) at!: string;
  @ApiProperty({ description: "the HR user's e-mail address, or system" }) actor!: string;
  @ApiProperty({ example: 'campaign.launched' }) action!: string;
  @ApiProperty({ example: 'campaign:6f1c…' }) target!: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditItemDto] }) items!: AuditItemDto[];
  @ApiProperty() total!: number;
}
