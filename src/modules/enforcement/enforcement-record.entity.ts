import type { PreconditionEvidence } from './domain/enforcement-evidence.js';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DeliveryKind, EnforcementStatus, PersuasionAttestation } from './domain/enforcement-status.js';

/**
 * The file of one compulsory recovery (cưỡng chế) of a household: the decision, its posting and
 * delivery, the persuasion the chair attests, the scheduled time, and how it ended. Never deleted.
 */
@Entity('enforcement_records')
export class EnforcementRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'decision_no', type: 'varchar', length: 100 })
  decisionNo: string;

  @Column({ name: 'decision_issued_on', type: 'date' })
  decisionIssuedOn: string;

  @Column({ name: 'decision_posted_on', type: 'date', nullable: true })
  decisionPostedOn: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  delivery: DeliveryKind | null;

  @Column({ name: 'delivered_on', type: 'date', nullable: true })
  deliveredOn: string | null;

  /** How it was delivered, or the witnesses to a refusal of receipt. */
  @Column({ name: 'delivery_note', type: 'text', nullable: true })
  deliveryNote: string | null;

  /** Visits of the household the chair attests as persuasion by the ward or the Fatherland Front. */
  @Column({ name: 'persuasion_attestations', type: 'jsonb', default: () => `'[]'::jsonb` })
  persuasionAttestations: PersuasionAttestation[];

  /** Evidence files proving preconditions (a photo of the posted decision, the signed receipt …). */
  @Column({ name: 'precondition_evidence', type: 'jsonb', default: () => `'[]'::jsonb` })
  preconditionEvidence: PreconditionEvidence[];

  /** A held dialogue session the household was invited to. */
  @Column({ name: 'dialogue_session_id', type: 'uuid', nullable: true })
  dialogueSessionId: string | null;

  @Column({ name: 'persuasion_note', type: 'text', nullable: true })
  persuasionNote: string | null;

  @Column({ type: 'varchar', length: 16, default: 'draft' })
  status: EnforcementStatus;

  @Column({ name: 'scheduled_at', type: 'timestamptz', nullable: true })
  scheduledAt: Date | null;

  @Column({ name: 'complied_on', type: 'date', nullable: true })
  compliedOn: string | null;

  /** LL2024 art. 89(4): a household that complies hands over within 30 days. */
  @Column({ name: 'handover_due_on', type: 'date', nullable: true })
  handoverDueOn: string | null;

  @Column({ name: 'handover_due_basis', type: 'varchar', length: 200, nullable: true })
  handoverDueBasis: string | null;

  @Column({ name: 'handed_over_on', type: 'date', nullable: true })
  handedOverOn: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

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
