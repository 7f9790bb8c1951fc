import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Clock } from '../common/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionHost } from '../database/transaction-host.js';
import type { JobName, QueueName } from './job-names.js';
import { JOB_OPTIONS } from './job-options.js';
import { OutboxEntry } from './outbox-entry.entity.js';
import { QueueOwnership } from './queue-ownership.service.js';
import { withTimeout } from './with-timeout.js';

const BATCH = 100;
/** Redis that does not answer within this is treated as down; the row waits for the next round. */
const PUBLISH_TIMEOUT_MS = 3_000;

/**
 * Publishes committed outbox rows to BullMQ. Runs in every process that has the jobs module (the
 * API and the worker); rows are claimed with SKIP LOCKED, so several relays never publish the same
 * row at once, and a row published twice after a crash is the same job id, hence one job.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private queued: Promise<number> | undefined;
  private nudged = false;
  private stopped = false;
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly tx: TransactionHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
    private readonly ownership: QueueOwnership,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobs.outboxPollMs > 0) {
      this.timer = setInterval(() => void this.flush().catch(() => undefined), this.config.jobs.outboxPollMs);
      this.timer.unref();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Publishes everything committed before the call; returns how many rows this round published.
   * One round at a time: a caller arriving during a round waits for it, then runs the next one (which
   * callers arriving meanwhile share), so rows committed after that round began are not missed.
   */
  flush(): Promise<number> {
    if (this.queued) return this.queued;
    const previous = this.running?.catch(() => 0) ?? Promise.resolve(0);
    const round: Promise<number> = previous.then(() => {
      this.queued = undefined;
      return this.publishPending();
    });
    this.queued = round;
    this.running = round;
    void round
      .finally(() => {
        if (this.running === round) this.running = undefined;
      })
      .catch(() => undefined);
    return round;
  }

  /**
   * Publishes soon after the current transaction commits, instead of at the next poll: a job (or a
   * domain event's fan-out) reaches its worker at once. Nudges made together share one round.
   */
  nudgeAfterCommit(): void {
    if (this.config.jobs.outboxPollMs <= 0) return;
    this.tx.afterCommit(() => {
      if (this.nudged || this.stopped) return;
      this.nudged = true;
      setImmediate(() => {
        this.nudged = false;
        void this.flush().catch(() => undefined);
      });
    });
  }

  private async publishPending(): Promise<number> {
    // Never into queues another deployment's workers take (see QueueOwnership).
    try {
      await this.ownership.ensure();
    } catch (error) {
      this.logger.warn(`Not publishing jobs: ${(error as Error).message}`);
      return 0;
    }
    let published = 0;
    for (;;) {
      const count = await this.tx.run(async () => {
        const em = this.tx.manager;
        const rows = await em
          .createQueryBuilder(OutboxEntry, 'entry')
          .where('entry.published_at IS NULL')
          .orderBy('entry.id', 'ASC')
          .limit(BATCH)
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getMany();
        for (const row of rows) {
          try {
            // A late success after the timeout is harmless: the retry reuses the job id.
            await withTimeout(
              this.queue(row.queue).add(row.name, row.payload, {
                ...JOB_OPTIONS[row.name as JobName],
                jobId: row.jobId,
                // From when it was asked for: a job published again later keeps its due time.
                delay: Math.max(0, row.createdAt.getTime() + row.delayMs - this.clock.now().getTime()),
              }),
              PUBLISH_TIMEOUT_MS,
            );
            await em.update(OutboxEntry, { id: row.id }, { publishedAt: this.clock.now() });
          } catch (error) {
            // Redis is away: keep the row for the next round, and stop this one.
            await em.update(
              OutboxEntry,
              { id: row.id },
              { attempts: row.attempts + 1, lastError: (error as Error).message },
            );
            this.logger.warn(`Could not publish job ${row.name} (${row.jobId}): ${(error as Error).message}`);
            return -1;
          }
        }
        return rows.length;
      });
      if (count <= 0) return published;
      published += count;
      if (count < BATCH) return published;
    }
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      this.queues.set(name, queue);
    }
    return queue;
  }
}
