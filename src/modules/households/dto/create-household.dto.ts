import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable.validator.js';
import { IsDecimal, IsText } from '../../../common/http/validators.js';
import { LandParcelDto } from './land-parcel.dto.js';

export class CreateHouseholdDto {
  @ApiProperty({ example: 'TK-041', description: 'Unique within the project' })
  @IsText(1, 50)
  @Matches(/^[\w.\-/]+$/, { message: 'code may contain letters, digits, ".", "-", "/" and "_" only' })
  code: string;

  @ApiProperty({ example: 'Nguyễn Văn Hùng', description: 'Head of household (chủ hộ)' })
  @IsText(1, 200)
  headName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Số 12 ngõ 2 Thụy Khuê, phường Tây Hồ' })
  @IsOptional()
  @IsText(0, 500)
  address?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0912 345 678' })
  @IsOptional()
  @IsText(0, 30)
  @Matches(/^[\d +().-]*$/, { message: 'phone may contain digits, spaces and + ( ) . - only' })
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: 'integer', example: 5 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(500)
  memberCount?: number | null;

  @ApiPropertyOptional({
    example: 120,
    description: 'Land area in m². When parcels are given it is their sum; if both are sent they must agree.',
  })
  @IsOmittable()
  @IsDecimal(2)
  @Min(0)
  @Max(999_999_999)
  landAreaM2?: number;

  @ApiPropertyOptional({ type: [LandParcelDto] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => LandParcelDto)
  parcels?: LandParcelDto[];

  @ApiPropertyOptional({ default: false })
  @IsOmittable()
  @IsBoolean()
  needsResettlement?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Elderly, disabled, poor: served first for resettlement' })
  @IsOmittable()
  @IsBoolean()
  vulnerable?: boolean;
}
