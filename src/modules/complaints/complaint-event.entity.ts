import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ComplaintEventKind } from './domain/complaint-status.js';

/** The history of a complaint: each step, who took it, when, and on what basis. Append-only. */
@Entity('complaint_events')
export class ComplaintEvent {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Insertion order: several steps can share one instant (and tests stop the clock). */
  @Column({ type: 'bigint', insert: false, update: false })
  seq: string;

  @Column({ name: 'complaint_id', type: 'uuid' })
  complaintId: string;

  @Column({ type: 'varchar', length: 16 })
  kind: ComplaintEventKind;

  /** The legal day of the step (acceptance day, decision day…). */
  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'legal_basis', type: 'varchar', length: 300, nullable: true })
  legalBasis: string | null;

  @Column({ name: 'previous_due_on', type: 'date', nullable: true })
  previousDueOn: string | null;

  @Column({ name: 'new_due_on', type: 'date', nullable: true })
  newDueOn: string | null;

  @Column({ name: 'escalated_to', type: 'varchar', length: 200, nullable: true })
  escalatedTo: string | null;
}
