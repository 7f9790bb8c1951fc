import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { IsInstant } from '../../../common/http/validators.js';
import { DIALOGUE_STATUSES, type DialogueStatus } from '../dialogue-session.entity.js';

export class ListDialogueSessionsQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: DIALOGUE_STATUSES })
  @IsOptional()
  @IsIn(DIALOGUE_STATUSES)
  status?: DialogueStatus;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-03-01T00:00:00+07:00',
    description: 'Sessions scheduled at or after this instant',
  })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-04-01T00:00:00+07:00',
    description: 'Sessions scheduled before this instant',
  })
  @IsOptional()
  @IsInstant()
  to?: string;
}
