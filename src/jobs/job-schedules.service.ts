import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { JobRegistry } from './job-registry.service.js';
import { JOB_QUEUE, type JobName, QUEUES, type QueueName, SCHEDULES } from './job-names.js';

/** On worker start: refuses to run with a job nobody handles, then (re)registers recurring jobs. */
@Injectable()
export class JobSchedules implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobSchedules.name);

  constructor(
    private readonly registry: JobRegistry,
    private readonly moduleRef: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.jobs.requireAllHandlers) this.registry.assertComplete();
    if (!this.config.jobs.schedule) return;
    const wanted = new Set<string>(SCHEDULES.map((schedule) => schedule.job));
    for (const name of QUEUES) {
      // Schedulers of jobs renamed or retired since an earlier release would fire into the void.
      const queue = this.queue(name);
      for (const scheduler of await queue.getJobSchedulers()) {
        if (!wanted.has(scheduler.key) || JOB_QUEUE[scheduler.key as JobName] !== name) {
          await queue.removeJobScheduler(scheduler.key);
          this.logger.log(`Removed the obsolete job scheduler ${scheduler.key} (${name})`);
        }
      }
    }
    for (const schedule of SCHEDULES) {
      // Upserting by a fixed id: restarts and several workers keep exactly one scheduler per job.
      await this.queue(JOB_QUEUE[schedule.job]).upsertJobScheduler(
        schedule.job,
        schedule.cron ? { pattern: schedule.cron, tz: this.config.timeZone } : { every: schedule.every },
        { name: schedule.job, data: {} },
      );
    }
    this.logger.log(`Job schedulers registered: ${SCHEDULES.map((s) => s.job).join(', ')}`);
  }

  private queue(name: QueueName): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }
}
