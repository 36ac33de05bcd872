import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsSafeText } from '@ledarspegel/text';

/** A pulse on the focus behaviours of a campaign's development plans (everything optional). */
export class CreatePulseDto {
  @ApiPropertyOptional({ description: 'default: the campaign\'s name with " – puls"' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  @IsSafeText()
  name?: string;

  @ApiPropertyOptional({ example: '2027-05-15T16:00:00.000Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  closesAt?: string;
}
