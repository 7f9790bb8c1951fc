import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobRegistry } from './job-registry.service.js';
import type { JobName, JobPayloads } from './job-names.js';

/** One BullMQ worker per queue, each handing jobs to their @HandlesJob method. */
abstract class DispatchingProcessor extends WorkerHost {
  constructor(private readonly registry: JobRegistry) {
    super();
  }

  process(job: Job<JobPayloads[JobName], unknown, JobName>): Promise<unknown> {
    return this.registry.dispatch(job.name, job.data);
  }
}

@Processor('reminders', { concurrency: 4 })
export class RemindersProcessor extends DispatchingProcessor {}

@Processor('resettlement', { concurrency: 1 })
export class ResettlementProcessor extends DispatchingProcessor {}

@Processor('webhooks', { concurrency: 8 })
export class WebhooksProcessor extends DispatchingProcessor {}

@Processor('maintenance', { concurrency: 1 })
export class MaintenanceProcessor extends DispatchingProcessor {}
