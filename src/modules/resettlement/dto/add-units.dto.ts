import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsDecimal, IsText } from '../../../common/http/validators.js';
import { UNIT_KINDS, type UnitKind } from '../domain/resettlement-unit.js';

export class NewUnitDto {
  @ApiProperty({ example: 'CT2-0805', description: 'Unique within the fund' })
  @IsText(1, 50)
  @Matches(/^[\w.\-/]+$/, { message: 'code may contain letters, digits, ".", "-", "/" and "_" only' })
  code: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS)
  kind: UnitKind;

  @ApiProperty({ example: 62.5, description: 'Floor area (apartment) or plot area, in m²' })
  @IsDecimal(2)
  @Min(0.01)
  @Max(99_999_999)
  areaM2: number;
}

export class AddUnitsDto {
  @ApiProperty({ type: [NewUnitDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => NewUnitDto)
  units: NewUnitDto[];
}
