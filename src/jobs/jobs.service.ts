import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock/clock.js';
import { TransactionHost } from '../database/transaction-host.js';
import { JOB_QUEUE, type JobName, type JobPayloads, type QueueName } from './job-names.js';
import { OutboxRelay } from './outbox-relay.service.js';

export interface EnqueueOptions {
  /**
   * A deterministic key for jobs that must not run twice (e.g. the visit id): two enqueues with
   * the same name and key make one job.
   */
  key?: string;
  delayMs?: number;
}

/** A job as the outbox stores it; `name` is any handled job name (see JobRegistry). */
export interface OutboxJob {
  name: string;
  queue: QueueName;
  payload: Record<string, unknown>;
  key: string;
}

/** BullMQ refuses ":" in custom job ids. */
export const jobIdFor = (name: string, key: string) => `${name}--${key}`.replace(/:/g, '_');

/**
 * The one way to enqueue. The job is written to the outbox in the ambient transaction, so it is
 * published after the commit or not at all; the relay then hands it to BullMQ. Requests therefore
 * never wait on Redis, and keep working while Redis is down.
 */
@Injectable()
export class JobsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {}

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: EnqueueOptions = {}): Promise<void> {
    await this.insert([
      {
        name,
        queue: JOB_QUEUE[name],
        payload,
        jobId: jobIdFor(name, options.key ?? randomUUID()),
        delayMs: options.delayMs ?? 0,
      },
    ]);
  }

  /** Several jobs in one statement (the fan-out of a domain event). */
  async enqueueAll(jobs: readonly OutboxJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.insert(
      jobs.map((job) => ({
        name: job.name,
        queue: job.queue,
        payload: job.payload,
        jobId: jobIdFor(job.name, job.key),
        delayMs: 0,
      })),
    );
  }

  /**
   * One multi-row INSERT in plain SQL: every write of the product comes here, and TypeORM's insert
   * builder (all columns, defaults, RETURNING) cost more CPU than the statement itself.
   */
  private async insert(
    rows: ReadonlyArray<{ name: string; queue: string; payload: unknown; jobId: string; delayMs: number }>,
  ) {
    const createdAt = this.clock.now();
    const values: unknown[] = [];
    const tuples = rows.map((row) => {
      values.push(row.name, row.queue, JSON.stringify(row.payload), row.jobId, row.delayMs, createdAt);
      const at = values.length - 6;
      return `($${at + 1}, $${at + 2}, $${at + 3}::jsonb, $${at + 4}, $${at + 5}, $${at + 6})`;
    });
    await this.tx.manager.query(
      `INSERT INTO job_outbox (name, queue, payload, job_id, delay_ms, created_at) VALUES ${tuples.join(', ')}`,
      values,
    );
    this.relay.nudgeAfterCommit();
  }
}
