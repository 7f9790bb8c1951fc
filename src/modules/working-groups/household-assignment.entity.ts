import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A group's responsibility for a household, from its start to its end (null: current). */
@Entity('household_assignments')
export class HouseholdAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The order of events, even within one instant (the database numbers rows as they come). */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'working_group_id', type: 'uuid' })
  workingGroupId: string;

  @Column({ name: 'lead_officer_id', type: 'uuid', nullable: true })
  leadOfficerId: string | null;

  @Column({ name: 'started_at', type: 'timestamptz' })
  startedAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'assigned_by', type: 'varchar', length: 200 })
  assignedBy: string;

  @Column({ name: 'assigned_by_id', type: 'uuid', nullable: true })
  assignedById: string | null;

  @Column({ name: 'ended_by', type: 'varchar', length: 200, nullable: true })
  endedBy: string | null;
}
