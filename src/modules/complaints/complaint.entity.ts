import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { ComplaintStatus, ResolveDueSource } from './domain/complaint-status.js';

/**
 * A complaint (khiếu nại) from a household. Each due date is stored with the rule code and the day
 * it was counted from, so an edited rule can recompute it; an extension replaces the rule.
 */
@Entity('complaints')
export class Complaint {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId: string;

  @Column({ name: 'household_id', type: 'uuid' })
  householdId: string;

  @Column({ name: 'received_on', type: 'date' })
  receivedOn: string;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'varchar', length: 200 })
  complainant: string;

  @Column({ type: 'boolean', default: false })
  complex: boolean;

  @Column({ name: 'remote_area', type: 'boolean', default: false })
  remoteArea: boolean;

  @Column({ type: 'varchar', length: 16, default: 'received' })
  status: ComplaintStatus;

  @Column({ name: 'accept_due_on', type: 'date', nullable: true })
  acceptDueOn: string | null;

  @Column({ name: 'accept_rule_code', type: 'varchar', length: 64, nullable: true })
  acceptRuleCode: string | null;

  @Column({ name: 'accept_due_from', type: 'date', nullable: true })
  acceptDueFrom: string | null;

  @Column({ name: 'resolve_due_on', type: 'date', nullable: true })
  resolveDueOn: string | null;

  @Column({ name: 'resolve_rule_code', type: 'varchar', length: 64, nullable: true })
  resolveRuleCode: string | null;

  @Column({ name: 'resolve_due_from', type: 'date', nullable: true })
  resolveDueFrom: string | null;

  @Column({ name: 'resolve_due_source', type: 'varchar', length: 16, nullable: true })
  resolveDueSource: ResolveDueSource | null;

  @Column({ name: 'resolve_due_legal_basis', type: 'varchar', length: 300, nullable: true })
  resolveDueLegalBasis: string | null;

  @Column({ name: 'accepted_on', type: 'date', nullable: true })
  acceptedOn: string | null;

  @Column({ name: 'decided_on', type: 'date', nullable: true })
  decidedOn: string | null;

  @Column({ type: 'text', nullable: true })
  decision: string | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
