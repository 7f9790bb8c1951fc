import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { IsCivilDate, IsText } from '../../../common/http/validators.js';
import { ADMINISTRATIVE_LEVELS, type AdministrativeLevel } from '../administrative-unit.entity.js';

export class CreateAdministrativeUnitDto {
  @ApiProperty({ example: '00103', description: 'Official code, unique' })
  @IsText(1, 32)
  @Matches(/^[\w.-]+$/, { message: 'code may contain letters, digits, ".", "-" and "_" only' })
  code: string;

  @ApiProperty({ example: 'Phường Tây Hồ' })
  @IsText(1, 200)
  name: string;

  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS })
  @IsIn(ADMINISTRATIVE_LEVELS)
  level: AdministrativeLevel;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date', example: '2025-07-01' })
  @IsOptional()
  @IsCivilDate()
  validFrom?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date',
    example: '2025-06-30',
    description: 'Last day the unit existed; empty while it exists',
  })
  @IsOptional()
  @IsCivilDate()
  validTo?: string | null;
}
