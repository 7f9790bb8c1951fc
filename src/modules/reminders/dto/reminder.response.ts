import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import { ROLES, type Role } from '../../access/domain/roles.js';
import { REMINDER_STATUSES, type ReminderStatus } from '../domain/reminder-status.js';
import type { Reminder } from '../reminder.entity.js';

export class ReminderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'visit.follow-up-due' }) kind: string;
  @ApiProperty({ example: 'household', description: 'What the reminder is about' }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) projectId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) householdId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) administrativeUnitId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) assigneeUserId: string | null;
  @ApiProperty({ nullable: true, enum: ROLES, type: String }) assigneeRole: Role | null;
  @ApiProperty({ example: 'Đến hạn thăm lại hộ Nguyễn Văn An (TK-001)' }) title: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
  @ApiProperty() dueAt: Date;
  @ApiProperty({ enum: REMINDER_STATUSES }) status: ReminderStatus;
  @ApiProperty({ nullable: true, type: Date }) firedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) acknowledgedAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) acknowledgedBy: string | null;
  @ApiProperty({ nullable: true, type: Date }) doneAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) doneBy: string | null;
  @ApiProperty({ nullable: true, type: Date }) cancelledAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(reminder: Reminder): ReminderResponse {
    return {
      id: reminder.id,
      kind: reminder.kind,
      subjectType: reminder.subjectType,
      subjectId: reminder.subjectId,
      projectId: reminder.projectId,
      householdId: reminder.householdId,
      administrativeUnitId: reminder.administrativeUnitId,
      assigneeUserId: reminder.assigneeUserId,
      assigneeRole: reminder.assigneeRole,
      title: reminder.title,
      details: reminder.details,
      dueAt: reminder.dueAt,
      status: reminder.status,
      firedAt: reminder.firedAt,
      acknowledgedAt: reminder.acknowledgedAt,
      acknowledgedBy: reminder.acknowledgedBy,
      doneAt: reminder.doneAt,
      doneBy: reminder.doneBy,
      cancelledAt: reminder.cancelledAt,
      cancelReason: reminder.cancelReason,
      version: reminder.version,
      createdAt: reminder.createdAt,
      updatedAt: reminder.updatedAt,
    };
  }
}

export class ReminderPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [ReminderResponse] }) items: ReminderResponse[];
}
