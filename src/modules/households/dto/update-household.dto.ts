import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { IsText } from '../../../common/http/validators.js';
import { CreateHouseholdDto } from './create-household.dto.js';

export class UpdateHouseholdDto extends PartialType(CreateHouseholdDto) {
  @ApiPropertyOptional({ description: 'true archives the household (never deleted), false restores it' })
  @IsOptional()
  @IsBoolean()
  archived?: boolean;

  @ApiPropertyOptional({ description: 'Required when archiving' })
  @IsOptional()
  @IsText(1, 2000)
  archiveReason?: string;

  @ApiPropertyOptional({ type: 'integer', description: 'The version this change is based on (or send If-Match)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
