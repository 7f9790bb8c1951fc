import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { type Job, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../src/config/app-config.js';
import { SYSTEM_ACTOR } from '../../src/common/request-context.js';
import type { DomainEvent, DomainEventName, DomainEvents } from '../../src/events/domain-events.js';
import { EventBus, subscriptionJobName } from '../../src/events/event-bus.service.js';
import { JOB_QUEUE, type JobName, type JobPayloads, QUEUES, type QueueName } from '../../src/jobs/job-names.js';
import { OutboxRelay } from '../../src/jobs/outbox-relay.service.js';
import { redisConnection } from '../../src/jobs/redis-connection.js';

/** An occurrence of a domain event made up by a test, as the bus would hand it to a subscriber. */
export function domainEvent<N extends DomainEventName>(name: N, payload: DomainEvents[N]): DomainEvent<N> {
  return { id: randomUUID(), name, occurredAt: new Date().toISOString(), actor: SYSTEM_ACTOR, payload };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Drives the real queues (real Redis) of one test application. */
export class TestJobs {
  private readonly events = new Map<QueueName, QueueEvents>();

  constructor(
    private readonly app: NestFastifyApplication,
    private readonly config: AppConfig,
  ) {}

  queue(name: QueueName): Queue {
    return this.app.get<Queue>(getQueueToken(name), { strict: false });
  }

  /** Adds a job straight to its queue and waits for a worker (the app's, or one you started) to finish it. */
  async run<N extends JobName>(name: N, payload: JobPayloads[N], timeoutMs = 15_000): Promise<unknown> {
    const queueName = JOB_QUEUE[name];
    const events = await this.eventsOf(queueName);
    const job: Job = await this.queue(queueName).add(name, payload, { jobId: `test-${randomUUID()}` });
    return job.waitUntilFinished(events, timeoutMs);
  }

  /** The events an asynchronous subscription was given so far (from the outbox), oldest first. */
  async eventsFor<N extends DomainEventName>(subscriptionId: string, _event?: N): Promise<Array<DomainEvent<N>>> {
    const rows = await this.app
      .get(DataSource)
      .query<{ payload: DomainEvent<N> }[]>(`SELECT payload FROM job_outbox WHERE name = $1 ORDER BY id`, [
        subscriptionJobName(subscriptionId),
      ]);
    return rows.map((row) => row.payload);
  }

  /** Hands an event to one subscription through its real queue and waits for the outcome. */
  async deliver(subscriptionId: string, event: DomainEvent, timeoutMs = 15_000): Promise<unknown> {
    const queueName = this.app.get(EventBus).queueOf(subscriptionId);
    if (!queueName) throw new Error(`No asynchronous subscription ${subscriptionId}`);
    const events = await this.eventsOf(queueName);
    const job: Job = await this.queue(queueName).add(subscriptionJobName(subscriptionId), event, {
      jobId: `test-${randomUUID()}`,
    });
    return job.waitUntilFinished(events, timeoutMs);
  }

  /** Publishes the outbox, then waits until no queue has a job waiting or running. */
  async idle(timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      await this.app.get(OutboxRelay).flush();
      let busy = 0;
      for (const name of QUEUES) {
        const counts = await this.queue(name).getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
        busy += Object.values(counts).reduce((sum, n) => sum + n, 0);
      }
      const pending = await this.app
        .get(DataSource)
        .query<{ n: number }[]>('SELECT count(*)::int AS n FROM job_outbox WHERE published_at IS NULL');
      if (busy === 0 && pending[0].n === 0) return;
      if (Date.now() > deadline) throw new Error(`Jobs still busy after ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  async closeEvents(): Promise<void> {
    for (const events of this.events.values()) await events.close();
    this.events.clear();
  }

  /** Removes every key of this app from Redis: its queues, its prefix's owner, its rate-limit counters. */
  async obliterate(): Promise<void> {
    await this.closeEvents();
    const redis = new Redis(this.config.redisUrl);
    try {
      const keys = await redis.keys(`${this.config.jobs.queuePrefix}:limit:*`);
      await redis.del(`${this.config.jobs.queuePrefix}:owner`, ...keys);
    } finally {
      redis.disconnect();
    }
    for (const name of QUEUES) {
      const queue = new Queue(name, {
        connection: redisConnection(this.config.redisUrl),
        prefix: this.config.jobs.queuePrefix,
      });
      await queue.obliterate({ force: true }).catch(() => undefined);
      await queue.close();
    }
  }

  private async eventsOf(name: QueueName): Promise<QueueEvents> {
    let events = this.events.get(name);
    if (!events) {
      events = new QueueEvents(name, {
        connection: redisConnection(this.config.redisUrl),
        prefix: this.config.jobs.queuePrefix,
      });
      await events.waitUntilReady();
      this.events.set(name, events);
    }
    return events;
  }
}
