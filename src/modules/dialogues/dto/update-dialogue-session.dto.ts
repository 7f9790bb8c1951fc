import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsInstant, IsText } from '../../../common/http/validators.js';
import { DIALOGUE_POSITIONS, type DialoguePosition } from '../dialogue-participant.entity.js';
import {
  DIALOGUE_KINDS,
  DIALOGUE_STATUSES,
  type DialogueKind,
  type DialogueStatus,
} from '../dialogue-session.entity.js';
import { MAX_INVITED_HOUSEHOLDS } from './create-dialogue-session.dto.js';
import { IsOmittable } from '../../../common/http/is-omittable.validator.js';

export class AttendanceEntryDto {
  @ApiProperty({ format: 'uuid', description: 'An invited household' })
  @IsUUID()
  householdId: string;

  @ApiProperty({ description: 'Whether the household (or its representative) came' })
  @IsBoolean()
  attended: boolean;

  @ApiPropertyOptional({
    enum: DIALOGUE_POSITIONS,
    type: String,
    nullable: true,
    description: 'The position it stated',
  })
  @IsOptional()
  @IsIn(DIALOGUE_POSITIONS)
  position?: DialoguePosition | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Đồng ý nếu được bố trí tái định cư tại chỗ' })
  @IsOptional()
  @IsText(0, 2000)
  note?: string | null;
}

/**
 * One PATCH covers the session's life: change the plan while scheduled, record it as held
 * (`status: held` with `heldAt`, `minutes` and `attendance`), correct that record later, or cancel it
 * (`status: cancelled` with `cancelReason`). Absent fields are left alone.
 */
export class UpdateDialogueSessionDto {
  @ApiPropertyOptional({ type: 'integer', description: 'The version this change is based on (or send If-Match)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ format: 'date-time', example: '2026-03-21T08:30:00+07:00' })
  @IsOmittable()
  @IsInstant()
  scheduledAt?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsText(1, 300)
  location?: string;

  @ApiPropertyOptional({ enum: DIALOGUE_KINDS })
  @IsOmittable()
  @IsIn(DIALOGUE_KINDS)
  kind?: DialogueKind;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsText(1, 200)
  chair?: string;

  @ApiPropertyOptional({ type: String, nullable: true, description: '`null` clears it' })
  @IsOptional()
  @IsText(0, 5000)
  agenda?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_INVITED_HOUSEHOLDS,
    description: 'The full list of invited households, replacing the current one',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_INVITED_HOUSEHOLDS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  householdIds?: string[];

  @ApiPropertyOptional({
    enum: DIALOGUE_STATUSES,
    description: 'scheduled → held or cancelled; held and cancelled are final (422 otherwise)',
  })
  @IsOmittable()
  @IsIn(DIALOGUE_STATUSES)
  status?: DialogueStatus;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-03-09T09:00:00+07:00',
    description: 'When it took place; required when marking held',
  })
  @IsOmittable()
  @IsInstant()
  heldAt?: string;

  @ApiPropertyOptional({ description: 'The minutes (biên bản); required when marking held' })
  @IsOmittable()
  @IsText(1, 100_000)
  minutes?: string;

  @ApiPropertyOptional({
    type: [AttendanceEntryDto],
    description:
      'Attendance of invited households. Each entry replaces the record of its household; households not listed keep theirs',
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_INVITED_HOUSEHOLDS)
  @ArrayUnique((entry: AttendanceEntryDto | undefined) => entry?.householdId, {
    message: 'attendance lists a household twice',
  })
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  attendance?: AttendanceEntryDto[];

  @ApiPropertyOptional({ example: 'Hoãn do mưa bão', description: 'Why; required when cancelling' })
  @IsOmittable()
  @IsText(1, 2000)
  cancelReason?: string;
}
