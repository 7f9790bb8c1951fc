import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ConsentCondition, ConsentStatus, HandoverMode } from './domain/consent-status.js';

export interface EvidenceRef {
  kind: string;
  reference: string;
  note?: string;
}

/** One row per status change, written in the same transaction as the change. Append-only. */
@Entity('consent_transitions')
export class ConsentTransition {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'from_status', type: 'varchar', length: 32 })
  fromStatus: ConsentStatus;

  @Column({ name: 'to_status', type: 'varchar', length: 32 })
  toStatus: ConsentStatus;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'consent_condition', type: 'varchar', length: 50, nullable: true })
  consentCondition: ConsentCondition | null;

  @Column({ name: 'consent_condition_note', type: 'text', nullable: true })
  consentConditionNote: string | null;

  @Column({ name: 'handover_mode', type: 'varchar', length: 16, nullable: true })
  handoverMode: HandoverMode | null;

  @Column({ name: 'handed_over_on', type: 'date', nullable: true })
  handedOverOn: string | null;

  @Column({ type: 'jsonb', default: () => `'[]'::jsonb` })
  evidence: EvidenceRef[];

  @Column({ name: 'visit_id', type: 'uuid', nullable: true })
  visitId: string | null;

  /** The actor's name at the time, kept even if the account is later renamed. */
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'timestamptz' })
  at: Date;
}
