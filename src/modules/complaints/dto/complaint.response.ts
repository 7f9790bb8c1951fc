import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PageMetaResponse, PageQueryDto } from '../../../common/http/pagination.js';
import type { ComplaintEvent } from '../complaint-event.entity.js';
import type { Complaint } from '../complaint.entity.js';
import {
  COMPLAINT_EVENT_KINDS,
  COMPLAINT_STATUSES,
  type ComplaintEventKind,
  type ComplaintStatus,
  type ResolveDueSource,
} from '../domain/complaint-status.js';
import { isOverdue, openDeadline } from '../domain/complaint.rules.js';

export class ComplaintEventResponse {
  @ApiProperty({ enum: COMPLAINT_EVENT_KINDS }) kind: ComplaintEventKind;
  @ApiProperty({ format: 'date', example: '2026-03-05' }) occurredOn: string;
  @ApiProperty() at: Date;
  @ApiProperty() actor: string;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: String }) legalBasis: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) previousDueOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) newDueOn: string | null;
  @ApiProperty({ nullable: true, type: String }) escalatedTo: string | null;

  static from(event: ComplaintEvent): ComplaintEventResponse {
    return {
      kind: event.kind,
      occurredOn: event.occurredOn,
      at: event.at,
      actor: event.actor,
      note: event.note,
      legalBasis: event.legalBasis,
      previousDueOn: event.previousDueOn,
      newDueOn: event.newDueOn,
      escalatedTo: event.escalatedTo,
    };
  }
}

export class RunningDeadlineResponse {
  @ApiProperty({ enum: ['accept', 'resolve'] }) kind: 'accept' | 'resolve';
  @ApiProperty({ format: 'date', example: '2026-03-12' }) dueOn: string;
}

export class ComplaintResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ format: 'uuid' }) householdId: string;
  @ApiProperty({ format: 'date', example: '2026-03-02' }) receivedOn: string;
  @ApiProperty() summary: string;
  @ApiProperty() complainant: string;
  @ApiProperty() complex: boolean;
  @ApiProperty() remoteArea: boolean;
  @ApiProperty({ enum: COMPLAINT_STATUSES }) status: ComplaintStatus;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Acceptance deadline (10 days, moved off holidays)',
  })
  acceptDueOn: string | null;
  @ApiProperty({ nullable: true, type: String }) acceptRuleCode: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) acceptedOn: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Resolution deadline, or the extended one',
  })
  resolveDueOn: string | null;
  @ApiProperty({ nullable: true, type: String }) resolveRuleCode: string | null;
  @ApiProperty({ nullable: true, enum: ['rule', 'extension'], type: String }) resolveDueSource: ResolveDueSource | null;
  @ApiProperty({ nullable: true, type: String }) resolveDueLegalBasis: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) decidedOn: string | null;
  @ApiProperty({ nullable: true, type: String }) decision: string | null;
  @ApiProperty({ type: RunningDeadlineResponse, nullable: true }) runningDeadline: RunningDeadlineResponse | null;
  @ApiProperty({ description: 'The running deadline has passed (an extension counts as the deadline)' })
  overdue: boolean;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiPropertyOptional({ type: [ComplaintEventResponse], description: 'On single reads: the history' })
  history?: ComplaintEventResponse[];

  static from(complaint: Complaint, today: string, history?: ComplaintEvent[]): ComplaintResponse {
    return {
      id: complaint.id,
      projectId: complaint.projectId,
      householdId: complaint.householdId,
      receivedOn: complaint.receivedOn,
      summary: complaint.summary,
      complainant: complaint.complainant,
      complex: complaint.complex,
      remoteArea: complaint.remoteArea,
      status: complaint.status,
      acceptDueOn: complaint.acceptDueOn,
      acceptRuleCode: complaint.acceptRuleCode,
      acceptedOn: complaint.acceptedOn,
      resolveDueOn: complaint.resolveDueOn,
      resolveRuleCode: complaint.resolveRuleCode,
      resolveDueSource: complaint.resolveDueSource,
      resolveDueLegalBasis: complaint.resolveDueLegalBasis,
      decidedOn: complaint.decidedOn,
      decision: complaint.decision,
      runningDeadline: openDeadline(complaint),
      overdue: isOverdue(complaint, today),
      version: complaint.version,
      createdAt: complaint.createdAt,
      updatedAt: complaint.updatedAt,
      ...(history ? { history: history.map(ComplaintEventResponse.from) } : {}),
    };
  }
}

export class ComplaintPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [ComplaintResponse] }) items: ComplaintResponse[];
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

export class ListProjectComplaintsQuery extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: only complaints past their running deadline (today, Hanoi time)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: 365,
    description: 'Only open complaints whose running deadline is within this many days (overdue ones included)',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(365)
  dueWithinDays?: number;

  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES, isArray: true, description: 'Comma-separated' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(COMPLAINT_STATUSES.length)
  @IsIn(COMPLAINT_STATUSES, { each: true })
  status?: ComplaintStatus[];
}
