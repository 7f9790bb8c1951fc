import { Module } from '@nestjs/common';
import { JobSchedules } from './job-schedules.service.js';
import { WorkerStart } from './worker-start.service.js';
import {
  EventsProcessor,
  MaintenanceProcessor,
  RemindersProcessor,
  ResettlementProcessor,
  WebhooksProcessor,
} from './job.processors.js';

/** Consumes the queues. In the worker process always; in the API process when RUN_WORKER_IN_API. */
@Module({
  providers: [
    WorkerStart,
    JobSchedules,
    EventsProcessor,
    RemindersProcessor,
    ResettlementProcessor,
    WebhooksProcessor,
    MaintenanceProcessor,
  ],
})
export class WorkerModule {}
