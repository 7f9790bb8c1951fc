import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numericToNumber } from '../../database/column-transformers.js';

export const PROJECT_STATUSES = ['active', 'completed', 'suspended'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

@Entity('projects')
export class Project {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 50 })
  code: string;

  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({
    name: 'total_area_m2',
    type: 'numeric',
    precision: 14,
    scale: 2,
    nullable: true,
    transformer: numericToNumber,
  })
  totalAreaM2: number | null;

  @Column({ name: 'started_on', type: 'date', nullable: true })
  startedOn: string | null;

  @Column({ name: 'target_on', type: 'date', nullable: true })
  targetOn: string | null;

  /** Census cut-off: people arriving after it are not eligible (IFC PS5 / ESS5). */
  @Column({ name: 'cutoff_on', type: 'date', nullable: true })
  cutoffOn: string | null;

  @Column({
    name: 'consent_threshold',
    type: 'numeric',
    precision: 5,
    scale: 4,
    default: 0.75,
    transformer: numericToNumber,
  })
  consentThreshold: number;

  @Column({ type: 'varchar', length: 16, default: 'active' })
  status: ProjectStatus;

  /** A household not contacted for this many days is "stale" and gets a reminder. */
  @Column({ name: 'stale_after_days', type: 'integer', default: 14 })
  staleAfterDays: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
