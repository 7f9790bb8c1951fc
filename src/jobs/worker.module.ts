import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { JobRegistry } from './job-registry.service.js';
import { JobSchedules } from './job-schedules.service.js';
import {
  MaintenanceProcessor,
  RemindersProcessor,
  ResettlementProcessor,
  WebhooksProcessor,
} from './job.processors.js';

/** Consumes the queues. In the worker process always; in the API process when RUN_WORKER_IN_API. */
@Module({
  imports: [DiscoveryModule],
  providers: [
    JobRegistry,
    JobSchedules,
    RemindersProcessor,
    ResettlementProcessor,
    WebhooksProcessor,
    MaintenanceProcessor,
  ],
  exports: [JobRegistry],
})
export class WorkerModule {}
