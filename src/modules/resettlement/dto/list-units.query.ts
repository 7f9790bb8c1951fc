import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { UNIT_STATUSES, type UnitStatus } from '../domain/resettlement-unit.js';

export class ListUnitsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: UNIT_STATUSES })
  @IsOptional()
  @IsIn(UNIT_STATUSES)
  status?: UnitStatus;
}
