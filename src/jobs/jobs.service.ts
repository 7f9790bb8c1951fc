import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../common/clock/clock.js';
import { TransactionHost } from '../database/transaction-host.js';
import { JOB_QUEUE, type JobName, type JobPayloads, type QueueName } from './job-names.js';
import { OutboxEntry } from './outbox-entry.entity.js';
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
    await this.tx.manager.insert(OutboxEntry, {
      name,
      queue: JOB_QUEUE[name],
      payload: payload as never,
      jobId: jobIdFor(name, options.key ?? randomUUID()),
      delayMs: options.delayMs ?? 0,
      createdAt: this.clock.now(),
    });
    this.relay.nudgeAfterCommit();
  }

  /** Several jobs in one statement (the fan-out of a domain event). */
  async enqueueAll(jobs: readonly OutboxJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const createdAt = this.clock.now();
    await this.tx.manager.insert(
      OutboxEntry,
      jobs.map((job) => ({
        name: job.name,
        queue: job.queue,
        payload: job.payload as never,
        jobId: jobIdFor(job.name, job.key),
        delayMs: 0,
        createdAt,
      })),
    );
    this.relay.nudgeAfterCommit();
  }
}
