import { BullRegistrar } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  EventsProcessor,
  MaintenanceProcessor,
  RemindersProcessor,
  ResettlementProcessor,
  WebhooksProcessor,
} from './job.processors.js';
import { QueueOwnership, QueuePrefixOwnedError } from './queue-ownership.service.js';

const RETRY_MS = 5_000;
const CHECK_MS = 60_000;
const PROCESSORS = [
  EventsProcessor,
  RemindersProcessor,
  ResettlementProcessor,
  WebhooksProcessor,
  MaintenanceProcessor,
];

/**
 * Starts the workers only once the queue prefix is known to be this database's (BullMQ's automatic
 * registration is off, see JobsModule): a worker that started while Redis was away could otherwise
 * take another deployment's jobs and run them against this database. Checked again every minute;
 * if another database has taken the prefix since (Redis lost its data), the workers stop.
 */
@Injectable()
export class WorkerStart implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerStart.name);
  private timer: NodeJS.Timeout | undefined;
  private started = false;
  private stopped = false;

  constructor(
    private readonly ownership: QueueOwnership,
    private readonly moduleRef: ModuleRef,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // At boot a foreign owner stops the process (the error reaches main); Redis away only delays.
    await this.attempt(true);
  }

  onApplicationShutdown(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** True once the workers are consuming. */
  get running(): boolean {
    return this.started;
  }

  private async attempt(atBoot: boolean): Promise<void> {
    if (this.stopped) return;
    try {
      await this.ownership.assert();
    } catch (error) {
      if (error instanceof QueuePrefixOwnedError) {
        if (atBoot) throw error;
        this.logger.error(`${error.message} The workers stop.`);
        await this.stopWorkers();
        return;
      }
      this.logger.warn(`Workers wait for Redis to confirm the queue prefix: ${(error as Error).message}`);
      this.schedule(RETRY_MS);
      return;
    }
    if (!this.started) {
      this.moduleRef.get(BullRegistrar, { strict: false }).register();
      this.started = true;
      this.logger.log('Workers started');
    }
    this.schedule(CHECK_MS);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.attempt(false).catch(() => undefined), ms);
    this.timer.unref();
  }

  private async stopWorkers(): Promise<void> {
    this.stopped = true;
    for (const processor of PROCESSORS) {
      const worker = this.moduleRef.get(processor, { strict: false }).worker as { close(): Promise<void> } | undefined;
      await worker?.close().catch(() => undefined);
    }
    this.started = false;
  }
}
