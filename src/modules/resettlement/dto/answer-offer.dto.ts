import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { IsText } from '../../../common/http/validators.js';

export class AcceptOfferDto {
  @ApiPropertyOptional({ example: 'Hộ ký biên bản nhận căn hộ ngày 12/3' })
  @IsOptional()
  @IsText(1, 2000)
  note?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The offer version this answer is based on (or send If-Match)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class DeclineOfferDto {
  @ApiProperty({ example: 'Hộ không nhận căn tầng cao vì có người già yếu' })
  @IsText(1, 2000)
  reason: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The offer version this answer is based on (or send If-Match)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
