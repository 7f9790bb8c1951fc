import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { QueueName } from './job-names.js';

/**
 * A job to publish, written in the same transaction as the change that calls for it: a job is
 * never lost when the transaction commits, and never published when it rolls back.
 */
@Entity('job_outbox')
export class OutboxEntry {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  /** A job name of JobPayloads, or `event:<handler id>` for one subscriber of a domain event. */
  @Column({ type: 'varchar', length: 64 })
  name: string;

  @Column({ type: 'varchar', length: 32 })
  queue: QueueName;

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

  /** When its job completed: until then (or `failedAt`) the row is the job's record of truth. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  /** When its job failed its last attempt; it stays failed (and visible on the queue board). */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  /** While set and in the future, a relay is publishing the row (see OutboxRelay). */
  @Column({ name: 'claimed_until', type: 'timestamptz', nullable: true })
  claimedUntil: Date | null;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}
