import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { IsInstant } from '../../../common/http/validators.js';

export class ListProjectVisitsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only visits this officer (an account) was on' })
  @IsOptional()
  @IsUUID()
  officerId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Visited at or after' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Visited before' })
  @IsOptional()
  @IsInstant()
  to?: string;
}
