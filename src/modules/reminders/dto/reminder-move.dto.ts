import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';

/** Body of acknowledge/done: optionally the version the caller saw (or send If-Match). */
export class ReminderMoveDto {
  @ApiPropertyOptional({ type: 'integer', description: 'The version the caller read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
