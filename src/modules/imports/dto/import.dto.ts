import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SHEET_FORMATS, type SheetFormat } from '../../../common/sheets/sheet-writer.js';
import type { SheetProblem } from '../../households/domain/household-sheet.js';
import {
  type HouseholdImport,
  IMPORT_MODES,
  IMPORT_STATUSES,
  type ImportMode,
  type ImportStatus,
} from '../household-import.entity.js';

export class StartImportDto {
  @ApiProperty({
    enum: IMPORT_MODES,
    description: 'dry_run: check every row and say what would change, writing nothing; commit: apply all rows or none',
  })
  @IsIn(IMPORT_MODES)
  mode: ImportMode;

  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'The CSV (UTF-8, UTF-8 with BOM, Windows-1258) or XLSX, after mode',
  })
  file?: unknown;
}

export class TemplateQuery {
  @ApiPropertyOptional({ enum: SHEET_FORMATS, default: 'xlsx' })
  @IsOptional()
  @IsIn(SHEET_FORMATS)
  format?: SheetFormat;
}

export class ImportProblemResponse implements SheetProblem {
  @ApiProperty({ type: 'integer', description: 'Row number in the file (1 is the header)' }) row: number;
  @ApiProperty({ type: String, nullable: true, description: 'The column header, or null for the row' }) column:
    string | null;
  @ApiProperty({ example: 'Chủ hộ: không được để trống' }) message: string;
}

export class ImportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ enum: IMPORT_MODES }) mode: ImportMode;
  @ApiProperty({
    enum: IMPORT_STATUSES,
    description: 'queued/running (a job), checked (dry run), committed, rejected (errors: nothing written), failed',
  })
  status: ImportStatus;
  @ApiProperty() fileName: string;
  @ApiProperty({ enum: ['csv', 'xlsx'] }) fileFormat: string;
  @ApiProperty({ type: String, nullable: true, enum: ['utf-8-bom', 'utf-8', 'windows-1258'] }) encoding: string | null;
  @ApiProperty() sha256: string;
  @ApiProperty({ type: 'integer' }) rowsTotal: number;
  @ApiProperty({ type: 'integer', description: 'Households in the file (rows grouped by code)' })
  householdsTotal: number;
  @ApiProperty({ type: 'integer', description: 'Households written so far (progress of a commit)' })
  householdsDone: number;
  @ApiProperty({ type: 'integer', description: 'New codes: created (or, in a dry run, to be)' }) created: number;
  @ApiProperty({ type: 'integer', description: 'Existing households the file changes' }) updated: number;
  @ApiProperty({ type: 'integer', description: 'Existing households the file leaves as they are' }) unchanged: number;
  @ApiProperty({ type: 'integer' }) errorCount: number;
  @ApiProperty({ type: [ImportProblemResponse], description: 'By row and column (the first 1,000)' })
  errors: ImportProblemResponse[];
  @ApiProperty({ type: [ImportProblemResponse], description: 'Columns not in the template, ignored' })
  warnings: ImportProblemResponse[];
  @ApiProperty({ type: String, nullable: true }) failure: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) finishedAt: Date | null;

  static from(record: HouseholdImport): ImportResponse {
    return {
      id: record.id,
      projectId: record.projectId,
      mode: record.mode,
      status: record.status,
      fileName: record.fileName,
      fileFormat: record.fileFormat,
      encoding: record.encoding,
      sha256: record.sha256,
      rowsTotal: record.rowsTotal,
      householdsTotal: record.householdsTotal,
      householdsDone: record.householdsDone,
      created: record.createdCount,
      updated: record.updatedCount,
      unchanged: record.unchangedCount,
      errorCount: record.errorCount,
      errors: record.errors,
      warnings: record.warnings,
      failure: record.failure,
      createdBy: record.createdBy,
      createdAt: record.createdAt,
      finishedAt: record.finishedAt,
    };
  }
}

export class ImportPageResponse {
  @ApiProperty({ type: [ImportResponse] }) items: ImportResponse[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ type: 'integer' }) offset: number;
}
