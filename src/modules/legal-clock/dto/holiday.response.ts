import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { HOLIDAY_KINDS, type Holiday, type HolidayKind } from '../holiday.entity.js';

export class HolidayResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date', example: '2026-02-17' }) date: string;
  @ApiProperty({ example: 'Tết Nguyên đán Bính Ngọ (Mùng 1)' }) name: string;
  @ApiProperty({ enum: HOLIDAY_KINDS }) kind: HolidayKind;
  @ApiProperty() tetDayOne: boolean;

  static from(holiday: Holiday): HolidayResponse {
    return { id: holiday.id, date: holiday.date, name: holiday.name, kind: holiday.kind, tetDayOne: holiday.tetDayOne };
  }
}

export class HolidayListResponse {
  @ApiProperty({ type: [HolidayResponse] }) items: HolidayResponse[];
}

export class ListHolidaysQuery {
  @ApiPropertyOptional({ type: 'integer', example: 2026, description: 'Only this calendar year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2200)
  year?: number;
}
