import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsInstant, IsText } from '../../../common/http/validators.js';
import { API_KEY_ACCESS, type ApiKeyAccess } from '../../access/domain/roles.js';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'Cổng dịch vụ công thành phố', description: 'Who uses the key, for humans' })
  @IsText(1, 200)
  name: string;

  @ApiProperty({ enum: API_KEY_ACCESS, description: "'read', or 'write' for a chair's writes too" })
  @IsIn(API_KEY_ACCESS)
  access: ApiKeyAccess;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Units the key may see, with the units below them' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  administrativeUnitIds: string[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    example: '2027-01-01T00:00:00+07:00',
    description: 'Never expires when left out',
  })
  @IsOptional()
  @IsInstant()
  expiresAt?: string | null;
}
