import { ApiProperty } from '@nestjs/swagger';
import {
  EVIDENCE_KINDS,
  EVIDENCE_SUBJECTS,
  type EvidenceKind,
  type EvidenceSubject,
} from '../domain/evidence.rules.js';
import type { EvidenceView } from '../evidence-file.entity.js';

export class EvidenceFileResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'Null for a commitment of a unit' })
  projectId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The unit, when it lies in no project' })
  administrativeUnitId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) householdId: string | null;
  @ApiProperty({ enum: EVIDENCE_SUBJECTS }) subjectType: EvidenceSubject;
  @ApiProperty({
    description: 'The id of the visit, session, consent move, complaint, enforcement record or commitment',
  })
  subjectId: string;
  @ApiProperty({ enum: EVIDENCE_KINDS }) kind: EvidenceKind;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty({ type: 'integer' }) sizeBytes: number;
  @ApiProperty({ description: 'Hex SHA-256 of the content' }) sha256: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The file this one supersedes' })
  supersedesId: string | null;
  @ApiProperty({ nullable: true, type: String }) supersedeReason: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The newer copy; null while current' })
  supersededById: string | null;
  @ApiProperty() uploadedBy: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) uploadedById: string | null;
  @ApiProperty() uploadedAt: Date;
  @ApiProperty({ description: 'Where the content is streamed from' }) contentUrl: string;

  static from(file: EvidenceView): EvidenceFileResponse {
    return {
      id: file.id,
      projectId: file.projectId,
      administrativeUnitId: file.administrativeUnitId,
      householdId: file.householdId,
      subjectType: file.subjectType,
      subjectId: file.subjectId,
      kind: file.kind,
      description: file.description,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      supersedesId: file.supersedesId,
      supersedeReason: file.supersedeReason,
      supersededById: file.supersededById,
      uploadedBy: file.uploadedBy,
      uploadedById: file.uploadedById,
      uploadedAt: file.uploadedAt,
      contentUrl: `/api/v1/evidence/${file.id}/content`,
    };
  }
}

export class EvidenceFileListResponse {
  @ApiProperty({ type: [EvidenceFileResponse] }) items: EvidenceFileResponse[];
}
