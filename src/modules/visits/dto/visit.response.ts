import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import { VISIT_OUTCOMES, type Visit, type VisitOutcome } from '../visit.entity.js';

export class VisitResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) householdId: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() visitedAt: Date;
  @ApiProperty({ type: [String] }) officers: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Officers present who have an account' })
  officerIds: string[];
  @ApiProperty({ enum: VISIT_OUTCOMES }) outcome: VisitOutcome;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) nextFollowUpOn: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) createdById: string | null;
  @ApiProperty() createdAt: Date;

  static from(visit: Visit): VisitResponse {
    return {
      id: visit.id,
      householdId: visit.householdId,
      projectId: visit.projectId,
      visitedAt: visit.visitedAt,
      officers: visit.officers,
      officerIds: visit.officerIds ?? [],
      outcome: visit.outcome,
      notes: visit.notes,
      nextFollowUpOn: visit.nextFollowUpOn,
      createdBy: visit.createdBy,
      createdById: visit.createdById,
      createdAt: visit.createdAt,
    };
  }
}

export class VisitPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [VisitResponse] }) items: VisitResponse[];
}
