import { getQueueToken } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { QUEUES, type QueueName } from '../../jobs/job-names.js';

/** Redis must answer within this; the queues' own connection would otherwise wait out an outage. */
export const QUEUES_TIMEOUT_MS = 1000;

type Counts = Record<'waiting' | 'active' | 'delayed' | 'failed', number>;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Job counts per queue: a growing "waiting" means no worker consumes, a growing "failed" a broken job. */
@Injectable()
export class QueuesHealthIndicator {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly health: HealthIndicatorService,
  ) {}

  async check(key: string) {
    const indicator = this.health.check(key);
    try {
      const counts = await withTimeout(
        Promise.all(QUEUES.map(async (name) => [name, await this.countsOf(name)] as const)),
        QUEUES_TIMEOUT_MS,
      );
      return indicator.up(Object.fromEntries(counts) as Record<QueueName, Counts>);
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }

  private async countsOf(name: QueueName): Promise<Counts> {
    const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed');
    return {
      waiting: counts.waiting ?? 0,
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
    };
  }
}
