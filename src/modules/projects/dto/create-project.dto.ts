import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsInt,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsUUID,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable.validator.js';
import { IsDecimal, IsCivilDate, IsText } from '../../../common/http/validators.js';
import { PROJECT_STATUSES, type ProjectStatus } from '../project.entity.js';

export class CreateProjectDto {
  @ApiProperty({ example: 'TK-MUONG-2012', description: 'Unique project code' })
  @IsText(1, 50)
  @Matches(/^[\w.-]+$/, { message: 'code may contain letters, digits, ".", "-" and "_" only' })
  code: string;

  @ApiProperty({ example: 'Cải tạo vệ sinh mương thoát nước Thụy Khuê' })
  @IsText(1, 300)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsText(0, 5000)
  description?: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Units the project lies in (one or more)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  administrativeUnitIds: string[];

  @ApiPropertyOptional({ type: Number, nullable: true, example: 1040000, description: 'Total land area in m²' })
  @IsOptional()
  @IsDecimal(2)
  @Min(0)
  @Max(999_999_999_999)
  totalAreaM2?: number | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2012-03-01' })
  @IsOptional()
  @IsCivilDate()
  startedOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2027-12-31' })
  @IsOptional()
  @IsCivilDate()
  targetOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date',
    example: '2012-06-30',
    description: 'Census cut-off date',
  })
  @IsOptional()
  @IsCivilDate()
  cutoffOn?: string | null;

  @ApiPropertyOptional({ example: 0.75, default: 0.75, description: 'Consent share worth alerting on (0–1]' })
  @IsOmittable()
  @IsDecimal(4)
  @Min(0.0001)
  @Max(1)
  consentThreshold?: number;

  @ApiPropertyOptional({
    type: 'integer',
    default: 14,
    description: 'Days without contact after which a household is stale',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(365)
  staleAfterDays?: number;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES, default: 'active' })
  @IsOmittable()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;
}
