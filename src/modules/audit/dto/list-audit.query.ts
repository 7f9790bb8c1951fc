import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { IsInstant, IsText } from '../../../common/http/validators.js';
import { AUDIT_ENTITY_ID_LENGTH } from '../audit-entry.entity.js';

export class ListAuditQuery extends PageQueryDto {
  @ApiPropertyOptional({ example: 'Household', description: 'Entity name, as in the rows' })
  @IsOptional()
  @IsText(1, 64)
  entity?: string;

  @ApiPropertyOptional({ description: "The record's id (composite keys joined with ':')" })
  @IsOptional()
  @IsText(1, AUDIT_ENTITY_ID_LENGTH)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A user or API key id' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'transition', description: 'create, update, transition, archive, login, …' })
  @IsOptional()
  @IsText(1, 32)
  action?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-03-01T00:00:00+07:00',
    description: 'From this instant, inclusive',
  })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-04-01T00:00:00+07:00',
    description: 'Until this instant, exclusive',
  })
  @IsOptional()
  @IsInstant()
  to?: string;
}
