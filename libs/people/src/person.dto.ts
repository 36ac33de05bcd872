import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { Person } from './person.entity';

export class PersonResponseDto {
  @ApiProperty() employeeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
  @ApiProperty({ type: String, nullable: true }) managerEmployeeId!: string | null;
  @ApiProperty() unit!: string;
  @ApiProperty({ enum: ['sv', 'en'] }) locale!: 'sv' | 'en';
  @ApiProperty() active!: boolean;
}

export function toPersonResponse(person: Person): PersonResponseDto {
  return {
    employeeId: person.employeeId,
    name: person.name,
    email: person.email,
    managerEmployeeId: person.managerEmployeeId,
    unit: person.unit,
    locale: person.locale,
    active: person.active,
  };
}

export class PersonDetailResponseDto extends PersonResponseDto {
  @ApiProperty({ type: [String], description: 'employee ids of active direct reports' })
  directReports!: string[];
}

export class PeoplePageResponseDto {
  @ApiProperty({ type: [PersonResponseDto] }) items!: PersonResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class ImportResultDto {
  @ApiProperty() created!: number;
  @ApiProperty() updated!: number;
  @ApiProperty() unchanged!: number;
  @ApiProperty({ description: 'active people missing from the file, now marked inactive' })
  deactivated!: number;
}

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export class ListPeopleQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  page: number = 1;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  pageSize: number = 50;

  @ApiPropertyOptional({ description: 'search in employee id, name and e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  unit?: string;

  @ApiPropertyOptional({ enum: ['active', 'inactive', 'all'], default: 'active' })
  @IsOptional()
  @IsIn(['active', 'inactive', 'all'])
  status: 'active' | 'inactive' | 'all' = 'active';
}
