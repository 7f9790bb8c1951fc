import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { IsCivilDate, IsText } from '../../../common/http/validators.js';
import { ADMINISTRATIVE_LEVELS, type AdministrativeLevel } from '../administrative-unit.entity.js';

export class ListAdministrativeUnitsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Direct children of this unit' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ enum: ADMINISTRATIVE_LEVELS })
  @IsOptional()
  @IsIn(ADMINISTRATIVE_LEVELS)
  level?: AdministrativeLevel;

  @ApiPropertyOptional({ format: 'date', example: '2026-01-01', description: 'Only units valid on this day' })
  @IsOptional()
  @IsCivilDate()
  validOn?: string;

  @ApiPropertyOptional({ description: 'Name or code, diacritics ignored ("tay ho" finds "Tây Hồ")' })
  @IsOptional()
  @IsText(1, 100)
  q?: string;
}
