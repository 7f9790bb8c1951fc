import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import {
  DEADLINE_TYPES,
  type DeadlineType,
  LAND_KINDS,
  type LandKind,
  MILESTONE_KINDS,
  type MilestoneKind,
} from '../domain/milestone-deadlines.js';
import type { MilestoneWithDeadlines } from '../milestones.service.js';

export class DerivedDeadlineResponse {
  @ApiProperty({ example: 'compensation.payment' }) ruleCode: string;
  @ApiProperty({ enum: DEADLINE_TYPES, description: 'earliest: not before; due: by then; ends / expires' })
  type: DeadlineType;
  @ApiProperty({ example: 'Chi trả tiền bồi thường, hỗ trợ' }) action: string;
  @ApiProperty({ example: 'Luật Đất đai 2024, Điều 94' }) legalBasis: string;
  @ApiProperty({ type: 'integer' }) offsetDays: number;
  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'The day the count starts from' }) fromOn: string;
  @ApiProperty({ format: 'date', example: '2026-04-01', description: 'Before moving off weekends and holidays' })
  unshiftedOn: string;
  @ApiProperty({ format: 'date', example: '2026-04-01' }) dueOn: string;
}

export class MilestoneWarningResponse {
  @ApiProperty({ enum: ['HANDOVER_BEFORE_PAYMENT'] }) code: 'HANDOVER_BEFORE_PAYMENT';
  @ApiProperty() message: string;
}

export class MilestoneResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) householdId: string | null;
  @ApiProperty({ enum: MILESTONE_KINDS }) kind: MilestoneKind;
  @ApiProperty({ format: 'date', example: '2026-03-02' }) occurredOn: string;
  @ApiProperty({ enum: LAND_KINDS, nullable: true, type: String }) landKind: LandKind | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty() recordedBy: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ type: [DerivedDeadlineResponse], description: 'What the rules derive from it, as of now' })
  deadlines: DerivedDeadlineResponse[];
  @ApiProperty({ type: [MilestoneWarningResponse] }) warnings: MilestoneWarningResponse[];

  static from({ milestone, deadlines, warnings }: MilestoneWithDeadlines): MilestoneResponse {
    return {
      id: milestone.id,
      projectId: milestone.projectId,
      householdId: milestone.householdId,
      kind: milestone.kind,
      occurredOn: milestone.occurredOn,
      landKind: milestone.landKind,
      note: milestone.note,
      recordedBy: milestone.recordedBy,
      createdAt: milestone.createdAt,
      deadlines,
      warnings,
    };
  }
}

export class MilestoneListResponse {
  @ApiProperty({ type: [MilestoneResponse] }) items: MilestoneResponse[];
}

export class ListMilestonesQuery {
  @ApiPropertyOptional({ description: 'true: only milestones with warnings (e.g. hand-over before payment)' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  flagged?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  householdId?: string;
}
