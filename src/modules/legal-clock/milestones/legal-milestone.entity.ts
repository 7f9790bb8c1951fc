import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { LandKind, MilestoneKind } from './domain/milestone-deadlines.js';

/** A legal step that happened, for a whole project or one household; the rules derive what follows. */
@Entity('legal_milestones')
export class LegalMilestone {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'household_id', type: 'uuid', nullable: true })
  householdId: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind: MilestoneKind;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  /** For recovery notices only: the waiting period depends on it (LL2024 Điều 85). */
  @Column({ name: 'land_kind', type: 'varchar', length: 20, nullable: true })
  landKind: LandKind | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'recorded_by', type: 'varchar', length: 200 })
  recordedBy: string;

  @Column({ name: 'recorded_by_id', type: 'uuid', nullable: true })
  recordedById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
