import { randomUUID } from 'node:crypto';
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import request from 'supertest';
import { setWorkerLockTimings, WebhooksProcessor } from '../../src/jobs/job.processors.js';
import { OutboxRelay } from '../../src/jobs/outbox-relay.service.js';
import { QueuesHealthIndicator } from '../../src/modules/health/queues-health.indicator.js';
import type { WebhookEvent } from '../../src/modules/webhooks/domain/webhook-events.js';
import { WebhooksRepository } from '../../src/modules/webhooks/webhooks.repository.js';
import { WebhooksService } from '../../src/modules/webhooks/webhooks.service.js';
import { WebhookDeliverer } from '../../src/modules/webhooks/webhook-deliverer.service.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { WebhookReceiver } from '../utils/webhook-receiver.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls a condition the system reaches on its own (a worker, a reconnect); fails after `timeoutMs`. */
async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await sleep(25);
  }
}

async function subscribe(t: TestApp, receiver: WebhookReceiver, events: WebhookEvent[] = ['reminder.due']) {
  const created = await t.admin.post('/api/v1/webhooks').send({ url: receiver.url, events }).expect(201);
  receiver.secret = created.body.secret as string;
  return created.body.id as string;
}

const emit = (t: TestApp, event: WebhookEvent, payload: Record<string, unknown>) =>
  t.tx.run(() => t.app.get(WebhooksService).emit(event, randomUUID(), payload));

async function deliveriesOf(t: TestApp, subscriptionId: string) {
  const response = await t.admin.get(`/api/v1/webhooks/${subscriptionId}/deliveries`).expect(200);
  return response.body.items as Array<{ id: string; status: string; attempts: number }>;
}

describe(OutboxRelay.name, () => {
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    receiver = await new WebhookReceiver().start();
  });

  afterEach(async () => {
    await receiver.stop();
  });

  it('should keep jobs enqueued while no worker runs, and process each once when a worker starts', async () => {
    const api = await createTestApp();
    try {
      const subscriptionId = await subscribe(api, receiver);
      for (const n of [1, 2, 3]) await emit(api, 'reminder.due', { reminderId: `r${n}` });
      await api.app.get(OutboxRelay).flush();
      expect(await api.jobs.queue('webhooks').getWaitingCount()).toBe(3);
      expect(receiver.received).toHaveLength(0);

      const worker = await createTestApp({ worker: true, shareWith: api });
      try {
        await worker.jobs.idle();
      } finally {
        await worker.close();
      }

      const deliveries = await deliveriesOf(api, subscriptionId);
      expect(deliveries.map((delivery) => [delivery.status, delivery.attempts])).toEqual([
        ['delivered', 1],
        ['delivered', 1],
        ['delivered', 1],
      ]);
      expect(receiver.received.map((received) => received.json.data.reminderId).sort()).toEqual(['r1', 'r2', 'r3']);
    } finally {
      await api.close();
    }
  });

  describe('across a Redis outage', () => {
    let port: number;
    let t: TestApp;

    const redis = (...args: string[]) => execFileSync('redis-cli', ['-p', String(port), ...args], { stdio: 'pipe' });
    const isUp = () => {
      try {
        return redis('ping').toString().trim() === 'PONG';
      } catch {
        return false;
      }
    };
    const startRedis = async () => {
      execFileSync('redis-server', [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--daemonize',
        'yes',
        '--save',
        '',
        '--appendonly',
        'no',
      ]);
      await eventually(isUp, 'the test Redis answers');
    };

    beforeAll(async () => {
      // A Redis of this test's own, on a free port: the machine's shared Redis is never stopped.
      port = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port: free } = probe.address() as { port: number };
          probe.close(() => resolve(free));
        });
      });
      await startRedis();
      t = await createTestApp({ worker: true, config: { redisUrl: `redis://127.0.0.1:${port}` } });
    }, 30_000);

    afterAll(async () => {
      // Closing waits on Redis: bring it back if a failed test left it down.
      if (!isUp()) await startRedis();
      await t?.close();
      try {
        redis('shutdown', 'nosave');
      } catch {
        // already down
      }
    }, 30_000);

    it('should keep answering, hold the jobs in the outbox, and publish each once when Redis is back', async () => {
      const subscriptionId = await subscribe(t, receiver, ['household.status_changed']);
      const failed = await t.dataSource.query<{ id: string }[]>(
        `INSERT INTO webhook_deliveries (subscription_id, event, payload, status, attempts, round_attempts, created_at)
         VALUES ($1, 'household.status_changed', '{"householdId":"h0"}', 'failed', 10, 10, now()) RETURNING id`,
        [subscriptionId],
      );

      redis('shutdown', 'nosave');

      // Writes that enqueue still succeed: the job waits in the outbox, inside the same transaction.
      await emit(t, 'household.status_changed', { householdId: 'h1' });
      await emit(t, 'household.status_changed', { householdId: 'h2' });
      await t.admin.post(`/api/v1/webhook-deliveries/${failed[0].id}/resend`).expect(202);
      await t.admin.get('/api/v1/webhooks').expect(200);
      // Health says so at once (within its ~1 s budget), in the one error shape.
      const health = await request(t.http).get('/health').expect(503);
      expect(health.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      const pending = await t.dataSource.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM job_outbox WHERE published_at IS NULL`,
      );
      expect(pending[0].n).toBe(3);

      await startRedis();
      await eventually(
        async () => (await deliveriesOf(t, subscriptionId)).every((d) => d.status === 'delivered'),
        'every delivery is delivered',
      );
      await t.jobs.idle();

      const published = await t.dataSource.query<{ job_id: string; published_at: Date | null }[]>(
        `SELECT job_id, published_at FROM job_outbox`,
      );
      expect(published.every((row) => row.published_at !== null)).toBe(true);
      const completed = await t.jobs.queue('webhooks').getJobs(['completed', 'failed', 'delayed', 'waiting']);
      expect(completed.map((job) => job.id).sort()).toEqual(published.map((row) => row.job_id).sort());
      expect(receiver.received.map((received) => received.json.data.householdId).sort()).toEqual(['h0', 'h1', 'h2']);
      await request(t.http).get('/health').expect(200);
    }, 60_000);
  });
});

describe(WebhookDeliverer.name, () => {
  let receiver: WebhookReceiver;

  beforeEach(async () => {
    receiver = await new WebhookReceiver().start();
  });

  afterEach(async () => {
    await receiver.stop();
  });

  it('should finish a job whose worker died mid-delivery on another worker, recording it once', async () => {
    // A dead worker's lock lapses after lockDuration; the next stalled check hands its job on.
    setWorkerLockTimings({ lockDuration: 1_000, stalledInterval: 500 });
    const api = await createTestApp();
    const first = await createTestApp({ worker: true, shareWith: api });
    let second: TestApp | undefined;
    try {
      const subscriptionId = await subscribe(api, receiver);
      let answerFirst: (status: number) => void = () => undefined;
      receiver.respond = (_, index) => (index === 0 ? new Promise<number>((resolve) => (answerFirst = resolve)) : 200);
      const firstAttempts = jest.spyOn(first.app.get(WebhooksRepository), 'recordAttempt');

      await emit(api, 'reminder.due', { reminderId: 'r-killed' });
      await eventually(() => receiver.received.length === 1, 'the first worker is posting');
      // The first worker dies while the receiver is still answering: no more lock renewals, no result.
      await first.app.get(WebhooksProcessor).worker.close(true);

      second = await createTestApp({ worker: true, shareWith: api });
      await eventually(
        async () => (await deliveriesOf(api, subscriptionId))[0]?.status === 'delivered',
        'the second worker delivered',
      );

      // The dead worker's late answer changes nothing: its attempt is not recorded over the delivered one.
      answerFirst(200);
      await eventually(() => firstAttempts.mock.results.length === 1, 'the first worker recorded its outcome');
      expect(await firstAttempts.mock.results[0].value).toBe(false);

      const [delivery] = await deliveriesOf(api, subscriptionId);
      expect(delivery).toMatchObject({ status: 'delivered', attempts: 1 });
      expect(receiver.received.map((received) => received.headers['x-gpmb-delivery'])).toEqual([
        delivery.id,
        delivery.id,
      ]);
      const jobs = await api.jobs.queue('webhooks').getJobs(['completed', 'failed', 'active', 'waiting', 'delayed']);
      expect(jobs).toHaveLength(1);
      expect(await jobs[0].getState()).toBe('completed');
    } finally {
      await second?.close();
      await first.close();
      await api.close();
    }
  }, 60_000);
});

describe(QueuesHealthIndicator.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should report waiting and failed jobs per queue', async () => {
    await t.jobs.queue('maintenance').add('stats.snapshot', {});

    const response = await request(t.http).get('/health').expect(200);

    expect(response.body.info.queues).toEqual({
      status: 'up',
      events: { waiting: 0, active: 0, delayed: 0, failed: 0 },
      reminders: { waiting: 0, active: 0, delayed: 0, failed: 0 },
      resettlement: { waiting: 0, active: 0, delayed: 0, failed: 0 },
      webhooks: { waiting: 0, active: 0, delayed: 0, failed: 0 },
      maintenance: { waiting: 1, active: 0, delayed: 0, failed: 0 },
    });
  });
});
