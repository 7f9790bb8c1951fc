import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';

export class ListFundsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Funds serving this project' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Funds whose housing lies in this unit' })
  @IsOptional()
  @IsUUID()
  administrativeUnitId?: string;
}
