import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Actor } from '../../common/request-context.js';

export const AUDIT_ENTITY_ID_LENGTH = 200;

/**
 * One line of the audit trail. The table is append-only: a database trigger refuses UPDATE, DELETE
 * and TRUNCATE, whoever asks. Rows are written by AuditRepository only.
 */
@Entity('audit_log')
export class AuditEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_type', type: 'varchar', length: 16 })
  actorType: Actor['type'];

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 200 })
  actorName: string;

  @Column({ type: 'varchar', length: 32 })
  action: string;

  @Column({ type: 'varchar', length: 64 })
  entity: string;

  @Column({ name: 'entity_id', type: 'varchar', length: AUDIT_ENTITY_ID_LENGTH, nullable: true })
  entityId: string | null;

  /** The project the record belongs to: what a supervisor's view of the trail is scoped by. */
  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'::jsonb` })
  changes: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'varchar', length: 100, nullable: true })
  requestId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  ip: string | null;
}
