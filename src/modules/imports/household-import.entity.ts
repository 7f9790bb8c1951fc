import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { SheetProblem } from '../households/domain/household-sheet.js';

export const IMPORT_MODES = ['dry_run', 'commit'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** queued/running while a job has it; checked (a dry run), committed, rejected (errors, nothing written), failed. */
export const IMPORT_STATUSES = ['queued', 'running', 'checked', 'committed', 'rejected', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** One import of a household list, dry run or commit. */
@Entity('household_imports')
export class HouseholdImport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ type: 'varchar', length: 8 })
  mode: ImportMode;

  @Column({ type: 'varchar', length: 16 })
  status: ImportStatus;

  @Column({ name: 'file_name', type: 'varchar', length: 255 })
  fileName: string;

  @Column({ name: 'file_format', type: 'varchar', length: 8 })
  fileFormat: 'csv' | 'xlsx';

  @Column({ type: 'varchar', length: 16, nullable: true })
  encoding: string | null;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** The bytes, kept while a job is yet to run them. */
  @Column({ type: 'bytea', nullable: true, select: false })
  content: Buffer | null;

  @Column({ name: 'rows_total', type: 'integer', default: 0 })
  rowsTotal: number;

  @Column({ name: 'households_total', type: 'integer', default: 0 })
  householdsTotal: number;

  @Column({ name: 'households_done', type: 'integer', default: 0 })
  householdsDone: number;

  @Column({ name: 'created_count', type: 'integer', default: 0 })
  createdCount: number;

  @Column({ name: 'updated_count', type: 'integer', default: 0 })
  updatedCount: number;

  @Column({ name: 'unchanged_count', type: 'integer', default: 0 })
  unchangedCount: number;

  @Column({ name: 'error_count', type: 'integer', default: 0 })
  errorCount: number;

  /** The first errors, by row and column. */
  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` })
  errors: SheetProblem[];

  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` })
  warnings: SheetProblem[];

  @Column({ type: 'text', nullable: true })
  failure: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'started_at', type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;
}
