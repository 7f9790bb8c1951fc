import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SHEET_FORMATS, type SheetFormat } from '../../../common/sheets/sheet-writer.js';
import { ListHouseholdsQuery } from '../../households/dto/list-households.query.js';
import { ListProjectVisitsQuery } from '../../visits/dto/list-project-visits.query.js';

export class ExportHouseholdsQuery extends OmitType(ListHouseholdsQuery, ['limit', 'offset', 'cursor'] as const) {
  @ApiPropertyOptional({ enum: SHEET_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(SHEET_FORMATS)
  format?: SheetFormat;
}

export class ExportVisitsQuery extends OmitType(ListProjectVisitsQuery, ['limit', 'offset'] as const) {
  @ApiPropertyOptional({ enum: SHEET_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(SHEET_FORMATS)
  format?: SheetFormat;
}
