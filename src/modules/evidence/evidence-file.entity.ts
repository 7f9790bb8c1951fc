import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { EvidenceKind, EvidenceSubject } from './domain/evidence.rules.js';

/**
 * One evidence file as uploaded. Never changed nor deleted (a trigger refuses both): a better copy
 * is a new row that supersedes it.
 */
@Entity('evidence_files')
export class EvidenceFile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The order of uploads, even within one instant (the database numbers rows as they come). */
  @Column({ type: 'bigint', insert: false, update: false, select: false })
  seq: string;

  /** The project the subject lies in; null for a commitment that lies in a unit only. */
  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  /** The unit the subject lies in, when it lies in no project (a free-text commitment). */
  @Column({ name: 'administrative_unit_id', type: 'uuid', nullable: true })
  administrativeUnitId: string | null;

  /** The household the subject is about; null for a dialogue session (it concerns many). */
  @Column({ name: 'household_id', type: 'uuid', nullable: true })
  householdId: string | null;

  @Column({ name: 'subject_type', type: 'varchar', length: 32 })
  subjectType: EvidenceSubject;

  /** A UUID, or a consent move's number. */
  @Column({ name: 'subject_id', type: 'varchar', length: 40 })
  subjectId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: EvidenceKind;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  @Column({ name: 'size_bytes', type: 'integer' })
  sizeBytes: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey: string;

  @Column({ name: 'supersedes_id', type: 'uuid', nullable: true })
  supersedesId: string | null;

  @Column({ name: 'supersede_reason', type: 'text', nullable: true })
  supersedeReason: string | null;

  /** The uploader's name at the time, kept even if the account is later renamed. */
  @Column({ name: 'uploaded_by', type: 'varchar', length: 200 })
  uploadedBy: string;

  @Column({ name: 'uploaded_by_id', type: 'uuid', nullable: true })
  uploadedById: string | null;

  @Column({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}

/** A file with the one that superseded it, if any. */
export type EvidenceView = EvidenceFile & { supersededById: string | null };
