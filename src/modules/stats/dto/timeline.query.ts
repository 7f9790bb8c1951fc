import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCivilDate } from '../../../common/http/validators.js';

export class TimelineQuery {
  @ApiPropertyOptional({
    format: 'date',
    example: '2026-01-01',
    description: 'First day (inclusive); default: the first snapshot',
  })
  @IsOptional()
  @IsCivilDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    example: '2026-03-31',
    description: 'Last day (inclusive); default: the latest snapshot',
  })
  @IsOptional()
  @IsCivilDate()
  to?: string;
}
