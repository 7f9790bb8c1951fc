import { jest } from '@jest/globals';
import { JobLedger } from '../../src/jobs/job-ledger.service.js';
import { JOB_QUEUE, SCHEDULES } from '../../src/jobs/job-names.js';
import { JobSchedules } from '../../src/jobs/job-schedules.service.js';
import { JobsService } from '../../src/jobs/jobs.service.js';
import { OutboxRelay } from '../../src/jobs/outbox-relay.service.js';
import { QueueOwnership } from '../../src/jobs/queue-ownership.service.js';
import { WorkerStart } from '../../src/jobs/worker-start.service.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

interface OutboxRow {
  job_id: string;
  published_at: Date | null;
  completed_at: Date | null;
}

const rowsOf = (t: TestApp, name: string) =>
  t.dataSource.query<OutboxRow[]>(
    `SELECT job_id, published_at, completed_at FROM job_outbox WHERE name = $1 ORDER BY id`,
    [name],
  );

const snapshotJobs = (t: TestApp, keys: string[]) =>
  t.tx.run(async () => {
    for (const key of keys) await t.app.get(JobsService).enqueue('stats.snapshot', {}, { key });
  });

const MINUTE_MS = 60_000;

describe('the outbox as the record of jobs', () => {
  it('should mark a row completed once its job has run', async () => {
    const t = await createTestApp({ worker: true });
    try {
      await snapshotJobs(t, ['done-1']);
      await t.jobs.idle();
      const [row] = await rowsOf(t, 'stats.snapshot');
      expect(row.published_at).not.toBeNull();
      expect(row.completed_at).not.toBeNull();
    } finally {
      await t.close();
    }
  });

  it('should publish again the jobs Redis lost, and run each once a worker takes them', async () => {
    const api = await createTestApp();
    try {
      await snapshotJobs(api, ['lost-1', 'lost-2', 'lost-3']);
      // Published (by this flush, or by the relay's own round right after the commit).
      await api.app.get(OutboxRelay).flush();
      expect((await rowsOf(api, 'stats.snapshot')).every((row) => row.published_at !== null)).toBe(true);
      expect(await api.jobs.queue('maintenance').getWaitingCount()).toBe(3);
      // Redis restarts without its data: the published jobs are gone.
      await api.jobs.queue('maintenance').obliterate({ force: true });
      // Young jobs are not looked for yet.
      expect(await api.app.get(JobLedger).reconcile()).toBe(0);

      api.clock.set(new Date(api.clock.now().getTime() + 2 * MINUTE_MS));
      expect(await api.app.get(JobLedger).reconcile()).toBe(3);
      expect((await rowsOf(api, 'stats.snapshot')).map((row) => row.published_at)).toEqual([null, null, null]);

      const worker = await createTestApp({ worker: true, shareWith: api });
      try {
        await worker.jobs.idle();
      } finally {
        await worker.close();
      }
      const rows = await rowsOf(api, 'stats.snapshot');
      expect(rows.every((row) => row.completed_at !== null)).toBe(true);
      // Nothing left to find again.
      api.clock.set(new Date(api.clock.now().getTime() + 2 * MINUTE_MS));
      expect(await api.app.get(JobLedger).reconcile()).toBe(0);
    } finally {
      await api.close();
    }
  });

  it('should purge finished rows, expired idempotency keys, old event receipts and stale sign-in failures, and keep the rest', async () => {
    const t = await createTestApp({ worker: true });
    try {
      const now = t.clock.now().getTime();
      const daysAgo = (days: number) => new Date(now - days * 24 * 60 * MINUTE_MS);
      const insert = (key: string, completed: Date | null, failed: Date | null, published: Date | null) =>
        t.dataSource.query(
          `INSERT INTO job_outbox (name, queue, payload, job_id, created_at, published_at, completed_at, failed_at)
           VALUES ('stats.snapshot', 'maintenance', '{}', $1, $2, $3, $4, $5)`,
          [key, daysAgo(200), published, completed, failed],
        );
      await insert('old-completed', daysAgo(8), null, daysAgo(8));
      await insert('recent-completed', daysAgo(1), null, daysAgo(1));
      await insert('old-failed', null, daysAgo(100), daysAgo(100));
      await insert('recent-failed', null, daysAgo(10), daysAgo(10));
      await insert('never-finished', null, null, daysAgo(100));
      await insert('never-published', null, null, null);

      await t.dataSource.query(
        `INSERT INTO idempotency_keys (principal_id, key, method, path, request_hash, state, created_at, expires_at)
         VALUES ($1, 'expired', 'POST', '/x', $5, 'completed', $2, $3), ($1, 'live', 'POST', '/x', $5, 'completed', $2, $4)`,
        [`user:${t.adminUser.id}`, daysAgo(2), daysAgo(1), new Date(now + 60 * MINUTE_MS), 'h'.repeat(64)],
      );
      await t.dataSource.query(
        `INSERT INTO event_receipts (handler, event_id, handled_at)
         VALUES ('test.old', gen_random_uuid(), $1), ('test.recent', gen_random_uuid(), $2)`,
        [daysAgo(31), daysAgo(1)],
      );

      await t.dataSource.query(
        `INSERT INTO sign_in_failures (email, failed_logins, locked_until, last_failed_at)
         VALUES ('stale@test.gpmb.vn', 2, NULL, $1), ('recent@test.gpmb.vn', 5, $2, $2)`,
        [daysAgo(2), daysAgo(0)],
      );

      await t.jobs.run('outbox.purge', {});
      await t.jobs.run('users.purge-sign-in-failures', {});
      await t.jobs.run('idempotency.purge-expired', {});
      await t.jobs.run('events.purge-receipts', {});

      const left = await t.dataSource.query<{ job_id: string }[]>(
        `SELECT job_id FROM job_outbox WHERE name = 'stats.snapshot' ORDER BY job_id`,
      );
      expect(left.map((row) => row.job_id)).toEqual([
        'never-finished',
        'never-published',
        'recent-completed',
        'recent-failed',
      ]);
      const keys = await t.dataSource.query<{ key: string }[]>(
        `SELECT key FROM idempotency_keys WHERE principal_id = $1`,
        [`user:${t.adminUser.id}`],
      );
      expect(keys.map((row) => row.key)).toEqual(['live']);
      const receipts = await t.dataSource.query<{ handler: string }[]>(
        `SELECT handler FROM event_receipts WHERE handler LIKE 'test.%'`,
      );
      expect(receipts.map((row) => row.handler)).toEqual(['test.recent']);
      const failures = await t.dataSource.query<{ email: string }[]>(`SELECT email FROM sign_in_failures`);
      expect(failures.map((row) => row.email)).toEqual(['recent@test.gpmb.vn']);
    } finally {
      await t.close();
    }
  });
});

describe('the relay', () => {
  it('should publish a backlog in batches, each row by one relay only, with two relays at work', async () => {
    const first = await createTestApp({ jobs: { outboxPollMs: 0 } });
    const second = await createTestApp({ shareWith: first, jobs: { outboxPollMs: 0 } });
    try {
      const keys = Array.from({ length: 450 }, (_, i) => `backlog-${i}`);
      await snapshotJobs(first, keys);
      const [a, b] = await Promise.all([first.app.get(OutboxRelay).flush(), second.app.get(OutboxRelay).flush()]);
      expect(a + b).toBe(450);
      expect(await first.jobs.queue('maintenance').getWaitingCount()).toBe(450);
      const rows = await rowsOf(first, 'stats.snapshot');
      expect(rows.every((row) => row.published_at !== null)).toBe(true);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('should leave rows another relay holds, and take them once its lease has run out', async () => {
    const t = await createTestApp({ jobs: { outboxPollMs: 0 } });
    try {
      await snapshotJobs(t, ['held']);
      await t.dataSource.query(`UPDATE job_outbox SET claimed_until = now() + interval '1 hour'`);
      expect(await t.app.get(OutboxRelay).flush()).toBe(0);
      // The relay that held them died: its lease runs out.
      await t.dataSource.query(`UPDATE job_outbox SET claimed_until = now() - interval '1 second'`);
      expect(await t.app.get(OutboxRelay).flush()).toBe(1);
      expect(await t.jobs.queue('maintenance').getWaitingCount()).toBe(1);
    } finally {
      await t.close();
    }
  });
});

describe('queues shared through one Redis', () => {
  it('should refuse to start on a queue prefix that another database owns, with a clear message', async () => {
    const first = await createTestApp();
    try {
      await expect(createTestApp({ jobs: { queuePrefix: first.config.jobs.queuePrefix } })).rejects.toThrow(
        /queue prefix "gpmbtest-[0-9a-f]+" in Redis belongs to another database/,
      );
      // A second process of the same deployment (same database) shares it.
      const second = await createTestApp({ shareWith: first });
      await second.close();
    } finally {
      await first.close();
    }
  });

  it("should not start a worker until the prefix is confirmed, and never on another database's", async () => {
    const first = await createTestApp();
    try {
      await snapshotJobs(first, ['theirs-1', 'theirs-2']);
      await first.app.get(OutboxRelay).flush();
      // Redis does not answer the second deployment's check at boot…
      const away = jest
        .spyOn(QueueOwnership.prototype, 'assert')
        .mockRejectedValueOnce(new Error('Redis did not answer'))
        .mockRejectedValueOnce(new Error('Redis did not answer'));
      const second = await createTestApp({ worker: true, jobs: { queuePrefix: first.config.jobs.queuePrefix } });
      try {
        expect(second.app.get(WorkerStart).running).toBe(false);
        // …and once it does, the prefix turns out to be the first deployment's: its workers never start.
        await new Promise((resolve) => setTimeout(resolve, 6_000));
        expect(away.mock.calls.length).toBeGreaterThanOrEqual(3);
        expect(second.app.get(WorkerStart).running).toBe(false);
        expect(await first.jobs.queue('maintenance').getWaitingCount()).toBe(2);
      } finally {
        away.mockRestore();
        await second.close();
      }
    } finally {
      await first.close();
    }
  }, 30_000);

  it('should put back the job schedulers Redis lost, without a worker restart', async () => {
    const t = await createTestApp({ worker: true, jobs: { schedule: true } });
    try {
      const scheduler = (job: (typeof SCHEDULES)[number]['job']) => t.jobs.queue(JOB_QUEUE[job]).getJobScheduler(job);
      for (const { job } of SCHEDULES) expect(await scheduler(job)).toBeDefined();
      // Redis comes back empty.
      for (const { job } of SCHEDULES) await t.jobs.queue(JOB_QUEUE[job]).removeJobScheduler(job);
      expect(await scheduler('reminders.sweep')).toBeUndefined();

      const restored = await t.app.get(JobSchedules).restoreMissing();
      expect(restored.sort()).toEqual(SCHEDULES.map(({ job }) => job).sort());
      for (const { job } of SCHEDULES) expect(await scheduler(job)).toBeDefined();
      expect(await t.app.get(JobSchedules).restoreMissing()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
