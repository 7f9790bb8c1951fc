import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Clock } from '../common/clock/clock.js';
import { DAY_MS } from '../common/time/civil-date.js';
import { TransactionHost } from '../database/transaction-host.js';
import { HandlesJob } from './job-handler.decorator.js';
import type { QueueName } from './job-names.js';
import { OutboxEntry } from './outbox-entry.entity.js';

/** A published job younger than this is not looked for in Redis yet. */
const RECONCILE_AFTER_MS = 60_000;
const RECONCILE_BATCH = 500;
const LOOKUPS_AT_ONCE = 50;
/** How long finished outbox rows are kept, for inspection, before the nightly purge. */
export const KEEP_COMPLETED_DAYS = 7;
export const KEEP_FAILED_DAYS = 90;
const PURGE_BATCH = 5_000;

/**
 * The outbox as the record of every job until it has run: a worker marks the row when its job
 * completes or fails for good, and a reconciliation publishes again any job Redis no longer has
 * (Redis restarted without its data, or lost a write), so a crash of Redis loses no job. Jobs are
 * idempotent, so one published twice is harmless.
 */
@Injectable()
export class JobLedger {
  private readonly logger = new Logger(JobLedger.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {}

  async completed(queue: string, jobId: string): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .update(OutboxEntry)
      .set({ completedAt: this.clock.now() })
      .where('job_id = :jobId AND queue = :queue AND completed_at IS NULL', { jobId, queue })
      .execute();
  }

  async failed(queue: string, jobId: string, error: string): Promise<void> {
    await this.tx.manager
      .createQueryBuilder()
      .update(OutboxEntry)
      .set({ failedAt: this.clock.now(), lastError: error.slice(0, 2000) })
      .where('job_id = :jobId AND queue = :queue AND completed_at IS NULL AND failed_at IS NULL', { jobId, queue })
      .execute();
  }

  /**
   * Every minute: each published job not yet finished is looked up in Redis. Missing, it is handed
   * back to the relay; finished while its worker could not say so, its row is marked now.
   * Returns how many jobs were published again.
   */
  @HandlesJob('outbox.reconcile')
  async reconcile(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - RECONCILE_AFTER_MS);
    const rows = await this.tx.manager
      .createQueryBuilder(OutboxEntry, 'entry')
      .where('entry.published_at < :before', { before })
      .andWhere('entry.completed_at IS NULL AND entry.failed_at IS NULL')
      .orderBy('entry.published_at', 'ASC')
      .limit(RECONCILE_BATCH)
      .getMany();
    const lost: string[] = [];
    for (let start = 0; start < rows.length; start += LOOKUPS_AT_ONCE) {
      const batch = rows.slice(start, start + LOOKUPS_AT_ONCE);
      const states = await Promise.all(batch.map((row) => this.queue(row.queue).getJobState(row.jobId)));
      for (const [index, state] of states.entries()) {
        const row = batch[index];
        if (state === 'unknown') lost.push(row.id);
        else if (state === 'completed') await this.completed(row.queue, row.jobId);
        // Failed for good inside BullMQ (e.g. stalled too often), where no worker saw it fail.
        else if (state === 'failed') await this.failedInRedis(row);
      }
    }
    if (lost.length) {
      await this.tx.manager
        .createQueryBuilder()
        .update(OutboxEntry)
        .set({ publishedAt: null, lastError: 'not found in Redis; published again' })
        .whereInIds(lost)
        // Finished meanwhile (its worker marked it after the lookup): leave it.
        .andWhere('completed_at IS NULL AND failed_at IS NULL')
        .execute();
      this.logger.warn(`${lost.length} published job(s) were missing from Redis; publishing them again`);
    }
    return lost.length;
  }

  /**
   * BullMQ moves a job to `failed` only when it is out of attempts (or stalled too often, which no
   * worker reports): final, unless an administrator retries it from the board.
   */
  private async failedInRedis(row: OutboxEntry): Promise<void> {
    const job = await this.queue(row.queue).getJob(row.jobId);
    await this.failed(row.queue, row.jobId, job?.failedReason || 'failed in Redis');
  }

  /** Nightly: finished rows past their keeping time, a batch at a time. Unfinished rows are never purged. */
  @HandlesJob('outbox.purge')
  async purge(): Promise<number> {
    const now = this.clock.now().getTime();
    const completed = new Date(now - KEEP_COMPLETED_DAYS * DAY_MS);
    const failed = new Date(now - KEEP_FAILED_DAYS * DAY_MS);
    let purged = 0;
    for (;;) {
      // A DELETE answers [rows, count].
      const [, count]: [unknown[], number] = await this.tx.manager.query(
        `DELETE FROM job_outbox WHERE id IN (
           SELECT id FROM job_outbox WHERE completed_at < $1
           UNION ALL
           SELECT id FROM job_outbox WHERE failed_at < $2
           LIMIT ${PURGE_BATCH})`,
        [completed, failed],
      );
      purged += count;
      if (count < PURGE_BATCH) return purged;
    }
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
