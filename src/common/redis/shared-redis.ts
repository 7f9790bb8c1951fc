import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';

/**
 * The process's own Redis connection for small, quick commands (rate-limit counters, the queue
 * prefix's owner), apart from BullMQ's. No offline queue: while Redis is away a command fails at
 * once, and its caller falls back, rather than waiting for Redis to come back.
 */
@Injectable()
export class SharedRedis implements OnModuleDestroy {
  private readonly logger = new Logger(SharedRedis.name);
  readonly client: Redis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = new Redis(config.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      // A Redis that is connected but no longer answers must not hold up a request either.
      commandTimeout: 500,
    });
    this.client.on('error', (error: Error) => this.logger.debug(`Redis: ${error.message}`));
  }

  /** Resolves once connected, or rejects after `ms`. */
  async ready(ms = 2_000): Promise<Redis> {
    if (this.client.status === 'ready') return this.client;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.client.off('ready', onReady);
        reject(new Error(`Redis did not answer within ${ms} ms`));
      }, ms);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      this.client.once('ready', onReady);
    });
    return this.client;
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}
