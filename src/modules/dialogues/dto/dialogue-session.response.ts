import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import { DIALOGUE_POSITIONS, type DialogueParticipant, type DialoguePosition } from '../dialogue-participant.entity.js';
import {
  DIALOGUE_KINDS,
  DIALOGUE_STATUSES,
  type DialogueKind,
  type DialogueSession,
  type DialogueStatus,
} from '../dialogue-session.entity.js';

export class AttendanceResponse {
  @ApiProperty({ format: 'uuid' }) householdId: string;
  @ApiProperty() attended: boolean;
  @ApiProperty({ enum: DIALOGUE_POSITIONS, nullable: true, type: String }) position: DialoguePosition | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
}

export class DialogueSessionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() scheduledAt: Date;
  @ApiProperty() location: string;
  @ApiProperty({ enum: DIALOGUE_KINDS }) kind: DialogueKind;
  @ApiProperty() chair: string;
  @ApiProperty({ nullable: true, type: String }) agenda: string | null;
  @ApiProperty({ enum: DIALOGUE_STATUSES }) status: DialogueStatus;
  @ApiProperty({ nullable: true, type: Date }) heldAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) minutes: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ type: [String], format: 'uuid', description: 'Invited households' }) householdIds: string[];

  @ApiProperty({
    type: [AttendanceResponse],
    description: 'Recorded attendance; invited households not yet recorded are absent',
  })
  attendance: AttendanceResponse[];

  static from(session: DialogueSession, participants: readonly DialogueParticipant[]): DialogueSessionResponse {
    return {
      id: session.id,
      projectId: session.projectId,
      scheduledAt: session.scheduledAt,
      location: session.location,
      kind: session.kind,
      chair: session.chair,
      agenda: session.agenda,
      status: session.status,
      heldAt: session.heldAt,
      minutes: session.minutes,
      cancelReason: session.cancelReason,
      version: session.version,
      createdAt: session.createdAt,
      updatedAt: session.updatedAt,
      householdIds: participants.map((p) => p.householdId),
      attendance: participants.flatMap((p) =>
        p.attended === null
          ? []
          : [{ householdId: p.householdId, attended: p.attended, position: p.position, note: p.note }],
      ),
    };
  }
}

export class DialogueSessionPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [DialogueSessionResponse] }) items: DialogueSessionResponse[];
}
