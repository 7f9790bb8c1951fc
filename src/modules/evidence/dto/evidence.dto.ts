import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsText } from '../../../common/http/validators.js';
import { EVIDENCE_KINDS, type EvidenceKind } from '../domain/evidence.rules.js';

const FILE_PART = {
  type: 'string',
  format: 'binary',
  description: 'The file, after the text fields: a JPEG, PNG, WebP or HEIC photo, or a PDF; at most 10 MB by default',
} as const;

/** The text fields of an upload (multipart/form-data), sent before the file. */
export class UploadEvidenceDto {
  @ApiProperty({ enum: EVIDENCE_KINDS, description: 'What the file shows' })
  @IsIn(EVIDENCE_KINDS)
  kind: EvidenceKind;

  @ApiPropertyOptional({ example: 'Biên bản làm việc có chữ ký của chủ hộ' })
  @IsOptional()
  @IsText(1, 2000)
  description?: string;

  @ApiProperty(FILE_PART)
  file?: unknown;
}

/** A better copy of a file (a sharper photo, the countersigned version); the old one is kept. */
export class SupersedeEvidenceDto {
  @ApiProperty({ example: 'Ảnh trước bị mờ, chụp lại biên bản' })
  @IsText(1, 1000)
  reason: string;

  @ApiPropertyOptional({ enum: EVIDENCE_KINDS, description: "Defaults to the superseded file's kind" })
  @IsOptional()
  @IsIn(EVIDENCE_KINDS)
  kind?: EvidenceKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsText(1, 2000)
  description?: string;

  @ApiProperty(FILE_PART)
  file?: unknown;
}

export class ListEvidenceQuery {
  @ApiPropertyOptional({ description: 'Include files that a newer copy superseded', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeSuperseded?: boolean;
}
