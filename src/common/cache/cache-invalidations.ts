import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { SharedRedis } from '../redis/shared-redis.js';

/** Every entry of every cache. */
export const ALL_ENTRIES = '*';

type Listener = (tags: readonly string[]) => void;

/**
 * Tells the in-process caches of every process of the deployment that some entries are stale: here
 * at once, elsewhere through Redis pub/sub. A process that loses Redis (and so may miss messages)
 * drops everything when it reconnects; while it is away its caches' short lifetimes bound the harm.
 */
@Injectable()
export class CacheInvalidations implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CacheInvalidations.name);
  private readonly listeners = new Set<Listener>();
  private readonly channel: string;
  private subscriber: Redis | undefined;

  constructor(
    private readonly redis: SharedRedis,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = `${config.jobs.queuePrefix}:cache-invalidations`;
  }

  onModuleInit(): void {
    const subscriber = this.redis.client.duplicate();
    this.subscriber = subscriber;
    let wasReady = false;
    subscriber.on('error', (error: Error) => this.logger.debug(`Redis: ${error.message}`));
    subscriber.on('ready', () => {
      // (Re)subscribed on every connection: without an offline queue, a command sent before it fails.
      void subscriber.subscribe(this.channel).catch(() => undefined);
      // Messages sent while this process was away are lost: start afresh.
      if (wasReady) this.notify([ALL_ENTRIES]);
      wasReady = true;
    });
    subscriber.on('message', (_channel: string, message: string) => {
      const tags = parseTags(message);
      if (tags) this.notify(tags);
    });
  }

  onModuleDestroy(): void {
    this.subscriber?.disconnect();
  }

  listen(listener: Listener): void {
    this.listeners.add(listener);
  }

  /** Drops the entries with any of `tags`, in this process now and in the others as soon as they hear. */
  invalidate(...tags: string[]): void {
    if (tags.length === 0) return;
    this.notify(tags);
    this.redis.client.publish(this.channel, JSON.stringify(tags)).catch(() => undefined);
  }

  private notify(tags: readonly string[]): void {
    for (const listener of this.listeners) listener(tags);
  }
}

function parseTags(message: string): string[] | undefined {
  try {
    const tags: unknown = JSON.parse(message);
    return Array.isArray(tags) && tags.every((tag) => typeof tag === 'string') ? tags : undefined;
  } catch {
    return undefined;
  }
}
