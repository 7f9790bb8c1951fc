import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsCivilDate } from '../../../common/http/validators.js';
import type { Agenda } from '../agenda.service.js';
import { AGENDA_KINDS, type AgendaKind } from '../domain/agenda.js';

export class AgendaQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-03-10', description: 'The day (default: today)' })
  @IsOptional()
  @IsCivilDate()
  date?: string;
}

export class AgendaItemResponse {
  @ApiProperty({ enum: AGENDA_KINDS }) kind: AgendaKind;
  @ApiProperty({ example: 'Quá hẹn thăm lại 3 ngày (hẹn ngày 07/03/2026): Nguyễn Văn An (HH-01), Ngõ 12' })
  why: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) householdId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) complaintId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) enforcementRecordId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) dialogueSessionId: string | null;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ type: Date, nullable: true, description: "A session's or a scheduled enforcement's time" })
  at: Date | null;
}

export class AgendaHouseholdResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() headName: string;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
}

export class AgendaResponse {
  @ApiProperty({ format: 'date' }) date: string;
  @ApiProperty({ type: [AgendaItemResponse], description: 'Most urgent first, each with why it is there' })
  items: AgendaItemResponse[];
  @ApiProperty({ type: [AgendaHouseholdResponse], description: 'The households the items name' })
  households: AgendaHouseholdResponse[];
  @ApiProperty({ description: 'More households need a visit than one agenda lists (500)' })
  truncated: boolean;

  static from(agenda: Agenda): AgendaResponse {
    return {
      date: agenda.date,
      items: agenda.items.map((item) => ({ ...item })),
      households: agenda.households.map(({ id, code, headName, address }) => ({ id, code, headName, address })),
      truncated: agenda.truncated,
    };
  }
}
