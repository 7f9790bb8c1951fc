import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { IsInstant } from '../../../common/http/validators.js';
import { REMINDER_STATUSES, type ReminderStatus } from '../domain/reminder-status.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

export class ListRemindersQuery extends PageQueryDto {
  @ApiPropertyOptional({
    enum: REMINDER_STATUSES,
    isArray: true,
    description: 'One status or several: repeat the parameter, or separate them with commas (default: open)',
    example: ['open', 'acknowledged'],
  })
  @IsOptional()
  @Transform(toList)
  // An empty list would filter on nothing (and SQL has no empty IN): name at least one.
  @ArrayMinSize(1, { message: 'status must name at least one status' })
  @ArrayMaxSize(REMINDER_STATUSES.length)
  @IsIn(REMINDER_STATUSES, { each: true, message: `status must be among: ${REMINDER_STATUSES.join(', ')}` })
  status?: ReminderStatus[];

  @ApiPropertyOptional({ example: 'visit.follow-up-due' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9.-]{0,47}$/, { message: 'kind must be a reminder kind such as visit.follow-up-due' })
  kind?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be a UUID' })
  projectId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'householdId must be a UUID' })
  householdId?: string;

  @ApiPropertyOptional({ description: 'Only reminders assigned to me, or to my role in my administrative units' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-03-17T00:00:00+07:00',
    description: 'Only reminders due before this instant',
  })
  @IsOptional()
  @IsInstant()
  dueBefore?: string;
}
