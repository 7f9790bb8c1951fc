import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRegistry } from './job-registry.service.js';
import { JOB_QUEUE, type JobName, QUEUES, type QueueName, SCHEDULES } from './job-names.js';
import { QueueOwnership } from './queue-ownership.service.js';

/** How often a worker checks that every recurring job still has its scheduler in Redis. */
export const SCHEDULE_CHECK_MS = 60_000;

/**
 * On worker start: refuses to run with a job nobody handles, then (re)registers recurring jobs.
 * Redis restarted without its data has no schedulers: every minute the worker puts back any missing.
 */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedules.name);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly registry: JobRegistry,
    private readonly moduleRef: ModuleRef,
    private readonly ownership: QueueOwnership,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.jobs.requireAllHandlers) this.registry.assertComplete();
    if (!this.config.jobs.schedule) return;
    await this.removeObsolete();
    for (const schedule of SCHEDULES) await this.upsert(schedule);
    this.logger.log(`Job schedulers registered: ${SCHEDULES.map((s) => s.job).join(', ')}`);
    this.timer = setInterval(() => void this.restoreMissing().catch(() => undefined), SCHEDULE_CHECK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Puts back the schedulers Redis lost; returns the jobs whose scheduler was missing. */
  async restoreMissing(): Promise<JobName[]> {
    await this.ownership.ensure();
    const missing: JobName[] = [];
    for (const schedule of SCHEDULES) {
      if (await this.queue(JOB_QUEUE[schedule.job]).getJobScheduler(schedule.job)) continue;
      await this.upsert(schedule);
      missing.push(schedule.job);
    }
    if (missing.length) this.logger.warn(`Job schedulers were missing from Redis, restored: ${missing.join(', ')}`);
    return missing;
  }

  /** Schedulers of jobs renamed or retired since an earlier release would fire into the void. */
  private async removeObsolete(): Promise<void> {
    const wanted = new Set<string>(SCHEDULES.map((schedule) => schedule.job));
    for (const name of QUEUES) {
      const queue = this.queue(name);
      for (const scheduler of await queue.getJobSchedulers()) {
        if (!wanted.has(scheduler.key) || JOB_QUEUE[scheduler.key as JobName] !== name) {
          await queue.removeJobScheduler(scheduler.key);
          this.logger.log(`Removed the obsolete job scheduler ${scheduler.key} (${name})`);
        }
      }
    }
  }

  /** Upserting by a fixed id: restarts and several workers keep exactly one scheduler per job. */
  private async upsert(schedule: (typeof SCHEDULES)[number]): Promise<void> {
    await this.queue(JOB_QUEUE[schedule.job]).upsertJobScheduler(
      schedule.job,
      schedule.cron ? { pattern: schedule.cron, tz: this.config.timeZone } : { every: schedule.every },
      { name: schedule.job, data: {} },
    );
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
