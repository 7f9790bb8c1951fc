import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, Max, Min } from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable.validator.js';
import { IsText } from '../../../common/http/validators.js';
import { DAY_KINDS, type DayKind } from '../domain/deadline.js';

/** Absent fields are left alone. Changing the offset, day kind or `active` recomputes open deadlines. */
export class UpdateDeadlineRuleDto {
  @ApiPropertyOptional({ type: 'integer', description: 'The version this change is based on (or send If-Match)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 3660, example: 10 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(3660)
  offsetDays?: number;

  @ApiPropertyOptional({ enum: DAY_KINDS })
  @IsOmittable()
  @IsIn(DAY_KINDS)
  dayKind?: DayKind;

  @ApiPropertyOptional({ description: 'A switched-off rule produces no deadlines' })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: 'Thụ lý giải quyết khiếu nại' })
  @IsOmittable()
  @IsText(1, 2000)
  action?: string;

  @ApiPropertyOptional({ example: 'Áp dụng theo hướng dẫn của Thanh tra thành phố' })
  @IsOmittable()
  @IsText(0, 5000)
  description?: string;

  @ApiPropertyOptional({ example: 'Luật Khiếu nại 2011, Điều 27' })
  @IsOmittable()
  @IsText(1, 300)
  legalBasis?: string;
}
