import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { JOB_QUEUE, SCHEDULES } from '../../src/jobs/job-names.js';
import { WebhooksService } from '../../src/modules/webhooks/webhooks.service.js';
import { makeUnit } from '../factories/factories.js';
import { login, makeUser, uniqueEmail } from '../factories/user-factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { WebhookReceiver } from '../utils/webhook-receiver.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await sleep(50);
  }
}

/**
 * One deployment scaled out: two API instances and two workers, each a whole application with its
 * own connections, on one PostgreSQL and one Redis (as `docker compose up --scale api=2 --scale
 * worker=2` runs them behind a load balancer). Limits hold across the instances, every job runs
 * once, and every recurring job has one schedule.
 */
describe('two API instances and two workers', () => {
  const limits = { writeRateLimitPerMinute: 8, loginRateLimitPerMinute: 3 };
  let apis: TestApp[];
  let workers: TestApp[];
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    const first = await createTestApp({ config: limits });
    apis = [first, await createTestApp({ config: limits, shareWith: first })];
    workers = [
      await createTestApp({ config: limits, shareWith: first, worker: true, jobs: { schedule: true } }),
      await createTestApp({ config: limits, shareWith: first, worker: true, jobs: { schedule: true } }),
    ];
    receiver = await new WebhookReceiver().start();
  }, 60_000);

  afterAll(async () => {
    await receiver.stop();
    for (const app of [...workers, ...apis].reverse()) await app.close();
  }, 60_000);

  it('should hold one write limit for an account across both instances', async () => {
    const unit = await makeUnit(apis[0].dataSource);
    const user = await apis[0].as('admin');
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const response = await request(apis[i % 2].http)
        .post('/api/v1/projects')
        .set('Authorization', `Bearer ${user.token}`)
        .send({ code: `SCALE-${i}`, name: 'Dự án', administrativeUnitIds: [unit.id] });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array(8).fill(201), 429, 429]);
  });

  it('should hold one sign-in limit per address and email across both instances', async () => {
    const email = uniqueEmail('guess');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await login(apis[i % 2].http, email, 'wrong password here')).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    // Another account from the same address is counted on its own.
    const other = await makeUser(apis[0].dataSource);
    await login(apis[1].http, other.email, other.password).expect(200);
  });

  it('should run every job once, whichever instance enqueued it and whichever worker took it', async () => {
    const created = await apis[0].admin
      .post('/api/v1/webhooks')
      .send({ url: receiver.url, events: ['household.status_changed'] })
      .expect(201);
    receiver.secret = created.body.secret as string;
    const households = Array.from({ length: 20 }, () => randomUUID());
    for (const [i, householdId] of households.entries()) {
      const api = apis[i % 2];
      await api.tx.run(() =>
        api.app.get(WebhooksService).emit('household.status_changed', randomUUID(), { householdId }),
      );
    }
    await eventually(() => receiver.received.length >= households.length, 'every delivery arrived');
    // Time for a duplicate, if there were one, to arrive too.
    await sleep(1_000);
    const ids = receiver.received.map((received) => received.headers['x-gpmb-delivery']);
    expect(ids).toHaveLength(households.length);
    expect(new Set(ids).size).toBe(households.length);
    expect(receiver.received.map((received) => received.json.data.householdId).sort()).toEqual(households.sort());
  }, 60_000);

  it('should keep one schedule, and one next run, per recurring job', async () => {
    for (const { job } of SCHEDULES) {
      const queue = apis[0].jobs.queue(JOB_QUEUE[job]);
      const schedulers = (await queue.getJobSchedulers()).filter((scheduler) => scheduler.key === job);
      expect({ job, schedulers: schedulers.length }).toEqual({ job, schedulers: 1 });
      const next = (await queue.getJobs(['delayed', 'waiting', 'prioritized'])).filter((queued) => queued.name === job);
      expect({ job, next: next.length }).toEqual({ job, next: 1 });
    }
  });
});
