import { ApiProperty } from '@nestjs/swagger';
import type { EvidenceView } from '../../evidence/evidence-file.entity.js';
import type { Visit } from '../../visits/visit.entity.js';
import { PRECONDITIONS, type Precondition } from '../domain/enforcement-preconditions.js';
import {
  DELIVERY_KINDS,
  type DeliveryKind,
  ENFORCEMENT_STATUSES,
  type EnforcementStatus,
  PERSUADERS,
  type Persuader,
} from '../domain/enforcement-status.js';
import type { EnforcementRecord } from '../enforcement-record.entity.js';

export class AttestedVisitResponse {
  @ApiProperty({ format: 'uuid' }) visitId: string;
  @ApiProperty({ enum: PERSUADERS }) by: Persuader;
  @ApiProperty({ nullable: true, type: Date, description: 'From the visit record' }) visitedAt: Date | null;
  @ApiProperty({ type: [String], description: 'Officers named on the visit record' }) officers: string[];
}

export class PreconditionEvidenceResponse {
  @ApiProperty({ enum: PRECONDITIONS }) precondition: Precondition;
  @ApiProperty({ format: 'uuid' }) evidenceId: string;
  @ApiProperty({ nullable: true, type: String, description: 'From the evidence file' }) fileName: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Hex SHA-256 of its content' }) sha256: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'A newer copy, if one superseded it' })
  supersededById: string | null;
}

export class EnforcementRecordResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) householdId: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() decisionNo: string;
  @ApiProperty({ format: 'date', example: '2026-03-01' }) decisionIssuedOn: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) decisionPostedOn: string | null;
  @ApiProperty({ enum: DELIVERY_KINDS, nullable: true, type: String }) delivery: DeliveryKind | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) deliveredOn: string | null;
  @ApiProperty({ nullable: true, type: String }) deliveryNote: string | null;
  @ApiProperty({ type: [AttestedVisitResponse] }) attestations: AttestedVisitResponse[];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) dialogueSessionId: string | null;
  @ApiProperty({ type: [PreconditionEvidenceResponse], description: 'Evidence files proving preconditions' })
  evidence: PreconditionEvidenceResponse[];
  @ApiProperty({ nullable: true, type: String }) persuasionNote: string | null;
  @ApiProperty({ enum: ENFORCEMENT_STATUSES }) status: EnforcementStatus;
  @ApiProperty({
    enum: PRECONDITIONS,
    isArray: true,
    description: 'Legal preconditions not yet on file (LL2024 art. 89); empty once the record is ready',
  })
  missingPreconditions: Precondition[];
  @ApiProperty({ nullable: true, type: Date }) scheduledAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) compliedOn: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description: 'Hand-over deadline after compliance (LL2024 art. 89(4))',
  })
  handoverDueOn: string | null;
  @ApiProperty({ nullable: true, type: String }) handoverDueBasis: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) handedOverOn: string | null;
  @ApiProperty({ nullable: true, type: String }) outcome: string | null;
  @ApiProperty({ nullable: true, type: String }) cancelReason: string | null;
  @ApiProperty() createdBy: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(
    record: EnforcementRecord,
    visits: ReadonlyMap<string, Visit>,
    missing: readonly Precondition[],
    evidence: ReadonlyMap<string, EvidenceView>,
  ): EnforcementRecordResponse {
    return {
      id: record.id,
      householdId: record.householdId,
      projectId: record.projectId,
      decisionNo: record.decisionNo,
      decisionIssuedOn: record.decisionIssuedOn,
      decisionPostedOn: record.decisionPostedOn,
      delivery: record.delivery,
      deliveredOn: record.deliveredOn,
      deliveryNote: record.deliveryNote,
      attestations: record.persuasionAttestations.map(({ visitId, by }) => ({
        visitId,
        by,
        visitedAt: visits.get(visitId)?.visitedAt ?? null,
        officers: visits.get(visitId)?.officers ?? [],
      })),
      dialogueSessionId: record.dialogueSessionId,
      evidence: record.preconditionEvidence.map(({ precondition, evidenceId }) => ({
        precondition,
        evidenceId,
        fileName: evidence.get(evidenceId)?.fileName ?? null,
        sha256: evidence.get(evidenceId)?.sha256 ?? null,
        supersededById: evidence.get(evidenceId)?.supersededById ?? null,
      })),
      persuasionNote: record.persuasionNote,
      status: record.status,
      missingPreconditions: [...missing],
      scheduledAt: record.scheduledAt,
      compliedOn: record.compliedOn,
      handoverDueOn: record.handoverDueOn,
      handoverDueBasis: record.handoverDueBasis,
      handedOverOn: record.handedOverOn,
      outcome: record.outcome,
      cancelReason: record.cancelReason,
      createdBy: record.createdBy,
      version: record.version,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    };
  }
}

export class EnforcementRecordListResponse {
  @ApiProperty({ format: 'uuid' }) householdId: string;
  @ApiProperty({ type: [EnforcementRecordResponse], description: 'Newest first' }) items: EnforcementRecordResponse[];
}

export class ProjectEnforcementListResponse {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ type: [EnforcementRecordResponse], description: 'Newest first' }) items: EnforcementRecordResponse[];
}
