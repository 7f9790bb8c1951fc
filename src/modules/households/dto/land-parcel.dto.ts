import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Max, Min } from 'class-validator';
import { IsDecimal, IsText } from '../../../common/http/validators.js';

export class LandParcelDto {
  @ApiProperty({ example: '12', description: 'Cadastral map sheet (tờ bản đồ)' })
  @IsText(1, 20)
  mapSheet: string;

  @ApiProperty({ example: '245', description: 'Parcel number (thửa đất)' })
  @IsText(1, 20)
  parcelNumber: string;

  @ApiProperty({ example: 86.5 })
  @IsDecimal(2)
  @Min(0.01)
  @Max(999_999_999)
  areaM2: number;

  @ApiPropertyOptional({
    example: 'ODT',
    description: 'Land use code or label (ODT residential, CLN perennial crops…)',
  })
  @IsOptional()
  @IsText(1, 50)
  landUse?: string;
}
