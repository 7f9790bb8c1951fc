import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { CommitmentScope, CommitmentStatus, ReviewRating } from './domain/commitment.rules.js';

/** A hard task (việc khó) a cadre registered: its scope, target, deadline, closing and review. */
@Entity('commitments')
export class Commitment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The unit whose committee the cadre answers to; lists are per unit and year. */
  @Column({ name: 'administrative_unit_id', type: 'uuid' })
  administrativeUnitId: string;

  @Column({ type: 'integer' })
  year: number;

  @Column({ name: 'owner_id', type: 'uuid' })
  ownerId: string;

  /** The cadre's name and title at registration, kept for the record. */
  @Column({ name: 'owner_name', type: 'varchar', length: 200 })
  ownerName: string;

  @Column({ name: 'owner_title', type: 'varchar', length: 200, nullable: true })
  ownerTitle: string | null;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Column({ name: 'scope_kind', type: 'varchar', length: 16 })
  scopeKind: CommitmentScope;

  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  @Column({ name: 'household_ids', type: 'uuid', array: true, default: () => `'{}'` })
  householdIds: string[];

  @Column({ name: 'scope_text', type: 'text', nullable: true })
  scopeText: string | null;

  @Column({ type: 'text' })
  target: string;

  @Column({ type: 'date' })
  deadline: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: CommitmentStatus;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'closing_note', type: 'text', nullable: true })
  closingNote: string | null;

  @Column({ name: 'review_rating', type: 'varchar', length: 24, nullable: true })
  reviewRating: ReviewRating | null;

  @Column({ name: 'review_comments', type: 'text', nullable: true })
  reviewComments: string | null;

  @Column({ name: 'reviewed_by', type: 'varchar', length: 200, nullable: true })
  reviewedBy: string | null;

  @Column({ name: 'reviewed_by_id', type: 'uuid', nullable: true })
  reviewedById: string | null;

  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true })
  reviewedAt: Date | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
