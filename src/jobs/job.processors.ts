import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { JobLedger } from './job-ledger.service.js';
import { JobRegistry } from './job-registry.service.js';

/**
 * One BullMQ worker per queue, each handing jobs to their @HandlesJob method. @Injectable() here, not
 * only on the subclasses: the constructor's parameter types are recorded on the class that declares
 * it, and without them Nest injects nothing (`registry` was undefined in every worker).
 */
@Injectable()
abstract class DispatchingProcessor extends WorkerHost {
  constructor(
    private readonly registry: JobRegistry,
    private readonly ledger: JobLedger,
  ) {
    super();
  }

  private readonly logger = new Logger('JobWorker');

  /** Runs the job's handler, then marks its outbox row done (a crash in between runs it again). */
  async process(job: Job<unknown, unknown, string>): Promise<unknown> {
    const result = await this.registry.dispatch(job.name, job.data);
    if (job.id) await this.ledger.completed(job.queueName, job.id);
    return result;
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, error: Error): Promise<void> {
    this.logger.warn(
      `Job ${job?.name ?? '?'} (${job?.id ?? '?'}) failed, attempt ${job?.attemptsMade ?? '?'}: ${error.message}`,
    );
    // Out of attempts: the row says so, and is no longer looked for in Redis.
    if (job?.id && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      await this.ledger.failed(job.queueName, job.id, error.message).catch((failure: Error) => {
        this.logger.warn(`Could not record the failure of job ${job.id}: ${failure.message}`);
      });
    }
  }

  /** Connection errors while Redis is away: logged once each, not thrown at the console. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Worker: ${error.message}`);
  }
}

/**
 * A worker holds a lock on each running job and renews it; when the worker dies, the lock lapses
 * after `lockDuration` and the next stalled check (every `stalledInterval`) puts the job back in
 * the queue for another worker. BullMQ's defaults (30 s each) suit production; tests that kill a
 * worker shorten them with {@link setWorkerLockTimings} before the app starts.
 */
export interface WorkerLockTimings {
  lockDuration: number;
  stalledInterval: number;
}

const lockTimings: WorkerLockTimings = { lockDuration: 30_000, stalledInterval: 30_000 };

/** Applies to workers created after the call (they read it when the app starts). */
export function setWorkerLockTimings(timings: WorkerLockTimings): void {
  Object.assign(lockTimings, timings);
}

/** Read when @nestjs/bullmq builds the worker (it spreads these options), not when the class is declared. */
function workerOptions(concurrency: number) {
  return {
    concurrency,
    get lockDuration() {
      return lockTimings.lockDuration;
    },
    get stalledInterval() {
      return lockTimings.stalledInterval;
    },
  };
}

@Processor('events', workerOptions(4))
export class EventsProcessor extends DispatchingProcessor {}

@Processor('reminders', workerOptions(4))
export class RemindersProcessor extends DispatchingProcessor {}

@Processor('resettlement', workerOptions(1))
export class ResettlementProcessor extends DispatchingProcessor {}

@Processor('webhooks', workerOptions(8))
export class WebhooksProcessor extends DispatchingProcessor {}

@Processor('maintenance', workerOptions(1))
export class MaintenanceProcessor extends DispatchingProcessor {}
