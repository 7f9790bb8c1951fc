import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { ENFORCEMENT_STATUSES, type EnforcementStatus } from '../domain/enforcement-status.js';
import { IsOmittable } from '../../../common/http/is-omittable.validator.js';
import { IsCivilDate, IsInstant, IsText } from '../../../common/http/validators.js';

class VersionedActionDto {
  @ApiPropertyOptional({ type: 'integer', description: 'The record version this is based on (or send If-Match)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ScheduleEnforcementDto extends VersionedActionDto {
  @ApiProperty({
    format: 'date-time',
    example: '2026-03-24T08:00:00+07:00',
    description: 'Refused (422) at night (22:00–06:00 Hanoi time), on a public holiday or within 15 days of Tết',
  })
  @IsInstant()
  scheduledAt: string;
}

export class ComplyEnforcementDto extends VersionedActionDto {
  @ApiProperty({ format: 'date', example: '2026-03-20', description: 'The day the household agreed to comply' })
  @IsCivilDate()
  compliedOn: string;

  @ApiPropertyOptional({ example: 'Hộ ký cam kết tự tháo dỡ và bàn giao mặt bằng' })
  @IsOptional()
  @IsText(1, 4000)
  outcome?: string;
}

export class ExecuteEnforcementDto extends VersionedActionDto {
  @ApiProperty({ format: 'date', example: '2026-03-24', description: 'The day the site was recovered' })
  @IsCivilDate()
  handedOverOn: string;

  @ApiPropertyOptional({ example: 'Đã tổ chức cưỡng chế, lập biên bản bàn giao mặt bằng' })
  @IsOptional()
  @IsText(1, 4000)
  outcome?: string;
}

export class CancelEnforcementDto extends VersionedActionDto {
  @ApiProperty({ example: 'Quyết định cưỡng chế bị thu hồi' })
  @IsText(1, 2000)
  reason: string;
}

const toStatuses = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

export class ListProjectEnforcementQuery {
  @ApiPropertyOptional({
    enum: ENFORCEMENT_STATUSES,
    isArray: true,
    description: 'Comma-separated; default: those in preparation (draft, ready, scheduled)',
  })
  @IsOptional()
  @Transform(toStatuses)
  @IsArray()
  @ArrayMaxSize(ENFORCEMENT_STATUSES.length)
  @IsIn(ENFORCEMENT_STATUSES, { each: true })
  status?: EnforcementStatus[];
}
