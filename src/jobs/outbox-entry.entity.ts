import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { JobName } from './job-names.js';

/**
 * A job to publish, written in the same transaction as the change that calls for it: a job is
 * never lost when the transaction commits, and never published when it rolls back.
 */
@Entity('job_outbox')
export class OutboxEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  name: JobName;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  /** BullMQ job id: deterministic, so publishing twice creates one job. */
  @Column({ name: 'job_id', type: 'varchar', length: 200 })
  jobId: string;

  @Column({ name: 'delay_ms', type: 'integer', default: 0 })
  delayMs: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
