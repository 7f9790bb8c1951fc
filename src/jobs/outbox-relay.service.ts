import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { Clock } from '../common/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TransactionHost } from '../database/transaction-host.js';
import type { JobName, QueueName } from './job-names.js';
import { JOB_OPTIONS } from './job-options.js';
import { QueueOwnership } from './queue-ownership.service.js';
import { withTimeout } from './with-timeout.js';

const BATCH = 200;
/** How long a claimed batch is this relay's; past it (the relay died) another takes the rows. */
const LEASE_SECONDS = 30;

/** An outbox row as the claim returns it. */
interface ClaimedRow {
  id: string;
  name: string;
  queue: QueueName;
  payload: Record<string, unknown>;
  jobId: string;
  delayMs: number;
  createdAt: Date;
  attempts: number;
}

type BulkJob = Parameters<Queue['addBulk']>[0][number];
/** Redis that does not answer within this is treated as down; the row waits for the next round. */
const PUBLISH_TIMEOUT_MS = 3_000;

/**
 * Publishes committed outbox rows to BullMQ, a batch at a time (one `addBulk` per queue). Runs in
 * every process that has the jobs module (the API and the worker); each batch is claimed for a
 * short lease, so several relays never publish the same row at once, and a row published twice
 * after a crash is the same job id, hence one job.
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
  private lastWarning: { message: string; at: number } | undefined;

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
      this.warnOnce(`Not publishing jobs: ${(error as Error).message}`);
      return 0;
    }
    let published = 0;
    for (;;) {
      const rows = await this.claim();
      if (rows.length === 0) return published;
      try {
        // One round trip per queue for the whole batch; a late success after the timeout is
        // harmless, since publishing again reuses the job ids.
        await withTimeout(
          Promise.all(this.byQueue(rows).map(([queue, jobs]) => this.queue(queue).addBulk(jobs))),
          PUBLISH_TIMEOUT_MS,
        );
      } catch (error) {
        // Redis is away: hand the rows back for the next round, and stop this one.
        await this.release(rows, (error as Error).message);
        this.warnOnce(`Could not publish jobs: ${(error as Error).message}`);
        return published;
      }
      await this.tx.manager.query(
        `UPDATE job_outbox SET published_at = $2, claimed_until = NULL WHERE id = ANY($1::bigint[])`,
        [rows.map((row) => row.id), this.clock.now()],
      );
      published += rows.length;
      if (rows.length < BATCH) return published;
    }
  }

  /**
   * Takes the oldest unpublished rows for a short lease, in one statement: no row stays locked
   * while Redis is called, and relays in other processes skip what this one holds. Leases are in
   * the database's real time: they guard against a relay that dies, not against the product's clock.
   */
  private claim(): Promise<ClaimedRow[]> {
    return this.tx.manager
      .query(
        `UPDATE job_outbox SET claimed_until = clock_timestamp() + make_interval(secs => $2)
       WHERE id IN (
         SELECT id FROM job_outbox
         WHERE published_at IS NULL AND (claimed_until IS NULL OR claimed_until < clock_timestamp())
         ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING id, name, queue, payload, job_id AS "jobId", delay_ms AS "delayMs", created_at AS "createdAt",
                 attempts`,
        [BATCH, LEASE_SECONDS],
      )
      .then(([rows]: [ClaimedRow[], number]) => rows.sort((x, y) => Number(x.id) - Number(y.id)));
  }

  private async release(rows: readonly ClaimedRow[], error: string): Promise<void> {
    await this.tx.manager.query(
      `UPDATE job_outbox SET claimed_until = NULL, attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::bigint[])`,
      [rows.map((row) => row.id), error.slice(0, 2000)],
    );
  }

  /** The batch as BullMQ jobs, grouped by queue. */
  private byQueue(rows: readonly ClaimedRow[]): Array<[QueueName, BulkJob[]]> {
    const now = this.clock.now().getTime();
    const groups = new Map<QueueName, BulkJob[]>();
    for (const row of rows) {
      const jobs = groups.get(row.queue) ?? [];
      jobs.push({
        name: row.name,
        data: row.payload,
        opts: {
          ...JOB_OPTIONS[row.name as JobName],
          jobId: row.jobId,
          // From when it was asked for: a job published again later keeps its due time.
          delay: Math.max(0, new Date(row.createdAt).getTime() + row.delayMs - now),
        },
      });
      groups.set(row.queue, jobs);
    }
    return [...groups];
  }

  /** The same trouble every round (Redis away) is logged once a minute, not every OUTBOX_POLL_MS. */
  private warnOnce(message: string): void {
    const now = Date.now();
    if (message === this.lastWarning?.message && now - this.lastWarning.at < 60_000) return;
    this.lastWarning = { message, at: now };
    this.logger.warn(message);
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
