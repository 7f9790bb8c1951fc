import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { IsCivilDate, IsText } from '../../../common/http/validators.js';
import { HOLIDAY_KINDS, type HolidayKind } from '../holiday.entity.js';

export class CreateHolidayDto {
  @ApiProperty({ format: 'date', example: '2028-01-26' })
  @IsCivilDate()
  date: string;

  @ApiProperty({ example: 'Tết Nguyên đán Mậu Thân (Mùng 1)' })
  @IsText(1, 200)
  name: string;

  @ApiProperty({ enum: HOLIDAY_KINDS })
  @IsIn(HOLIDAY_KINDS)
  kind: HolidayKind;

  @ApiPropertyOptional({
    description: 'Mùng 1 Tết (kind "tet" only; one per year): the Tết enforcement blackout counts from it',
  })
  @IsOptional()
  @IsBoolean()
  tetDayOne?: boolean;
}
