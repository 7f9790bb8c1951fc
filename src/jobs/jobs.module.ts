import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { QUEUES } from './job-names.js';
import { DEFAULT_JOB_OPTIONS } from './job-options.js';
import { JobLedger } from './job-ledger.service.js';
import { JobRegistry } from './job-registry.service.js';
import { JobsService } from './jobs.service.js';
import { OutboxEntry } from './outbox-entry.entity.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { QueueErrorLogger } from './queue-error-logger.js';
import { QueueOwnership } from './queue-ownership.service.js';
import { redisConnection } from './redis-connection.js';

/** Queues, the outbox and its relay, and the handlers' registry: what every process needs. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([OutboxEntry]),
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: redisConnection(config.redisUrl),
        prefix: config.jobs.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
      // Workers start only once the queue prefix is confirmed as this database's (WorkerStart).
      extraOptions: { manualRegistration: true },
    }),
    BullModule.registerQueue(...QUEUES.map((name) => ({ name }))),
  ],
  providers: [JobsService, OutboxRelay, QueueErrorLogger, JobRegistry, JobLedger, QueueOwnership],
  exports: [JobsService, OutboxRelay, JobRegistry, JobLedger, QueueOwnership, BullModule],
})
export class JobsModule {}
