import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable.validator.js';
import { IsCivilDate, IsInstant, IsText } from '../../../common/http/validators.js';
import { VISIT_OUTCOMES, type VisitOutcome } from '../visit.entity.js';

export class CreateVisitDto {
  @ApiProperty({
    format: 'date-time',
    example: '2026-03-09T15:30:00+07:00',
    description: 'When the visit took place (with time zone)',
  })
  @IsInstant()
  visitedAt: string;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    description: "Officers present who have an account (active users of the project's wards); their names are recorded",
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  officerIds?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['Trần Thị Mai', 'Lê Văn Dũng'],
    maxItems: 20,
    description: 'Names of others present without an account (at least one officer in all, here or in officerIds)',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @Transform(({ value }: { value: unknown }) =>
    Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'string' ? v.normalize('NFC').trim() : v)) : value,
  )
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(200, { each: true })
  officers?: string[];

  @ApiProperty({ enum: VISIT_OUTCOMES })
  @IsIn(VISIT_OUTCOMES)
  outcome: VisitOutcome;

  @ApiPropertyOptional({ example: 'Hộ vẫn đề nghị được bố trí căn hộ tái định cư trước khi bàn giao.' })
  @IsOptional()
  @IsText(0, 10_000)
  notes?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-03-16',
    description: 'When to come back; the household is overdue after it',
  })
  @IsOptional()
  @IsCivilDate()
  nextFollowUpOn?: string;
}
