import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { PROJECT_STATUSES, type ProjectStatus } from '../../projects/project.entity.js';

export class ListProjectStatsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Projects in this unit or any unit below it' })
  @IsOptional()
  @IsUUID()
  administrativeUnitId?: string;

  @ApiPropertyOptional({ enum: PROJECT_STATUSES })
  @IsOptional()
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;
}
