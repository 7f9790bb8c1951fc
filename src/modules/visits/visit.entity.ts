import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const VISIT_OUTCOMES = ['absent', 'listened', 'hesitant', 'refused', 'conditional', 'agreed'] as const;
export type VisitOutcome = (typeof VISIT_OUTCOMES)[number];

@Entity('visits')
export class Visit {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'visited_at', type: 'timestamptz' })
  visitedAt: Date;

  /** Names of the officers present, as recorded (those of officerIds, then any without an account). */
  @Column({ type: 'text', array: true })
  officers: string[];

  /** The officers present who have an account. */
  @Column({ name: 'officer_ids', type: 'uuid', array: true, default: () => "'{}'" })
  officerIds: string[];

  @Column({ type: 'varchar', length: 16 })
  outcome: VisitOutcome;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ name: 'next_follow_up_on', type: 'date', nullable: true })
  nextFollowUpOn: string | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 200, nullable: true, select: false })
  idempotencyKey: string | null;

  @Column({ name: 'request_hash', type: 'char', length: 64, nullable: true, select: false })
  requestHash: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 200 })
  createdBy: string;

  @Column({ name: 'created_by_id', type: 'uuid', nullable: true })
  createdById: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
