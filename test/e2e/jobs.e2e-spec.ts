import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { MethodDiscovery } from '../../src/common/method-discovery.js';
import { DataSource } from 'typeorm';
import { HandlesJob } from '../../src/jobs/job-handler.decorator.js';
import { JobRegistry, MissingJobHandlersError } from '../../src/jobs/job-registry.service.js';
import { JOB_NAMES } from '../../src/jobs/job-names.js';
import { jobIdFor, JobsService } from '../../src/jobs/jobs.service.js';
import { OutboxRelay } from '../../src/jobs/outbox-relay.service.js';
import { makeHousehold, makeProject } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

describe(OutboxRelay.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const pending = async () =>
    (
      await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM job_outbox WHERE published_at IS NULL')
    )[0].n;

  it('should publish a job enqueued in a committed transaction, once, under its deterministic id', async () => {
    const jobs = t.app.get(JobsService);
    await t.tx.run(async () => {
      await jobs.enqueue('stats.snapshot', {}, { key: 'nightly-2026-03-10' });
      await jobs.enqueue('stats.snapshot', {}, { key: 'nightly-2026-03-10' });
    });
    await t.app.get(OutboxRelay).flush();
    expect(await pending()).toBe(0);
    const queue = t.jobs.queue('maintenance');
    const job = await queue.getJob(jobIdFor('stats.snapshot', 'nightly-2026-03-10'));
    expect(job?.name).toBe('stats.snapshot');
    expect(await queue.getJobCountByTypes('waiting', 'delayed', 'prioritized')).toBe(1);
  });

  it('should publish nothing when the transaction rolls back', async () => {
    const jobs = t.app.get(JobsService);
    await expect(
      t.tx.run(async () => {
        await jobs.enqueue('resettlement.offer-units', { fundId: 'rolled-back' }, { key: 'rolled-back' });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    await t.app.get(OutboxRelay).flush();
    expect(
      await t.jobs.queue('resettlement').getJob(jobIdFor('resettlement.offer-units', 'rolled-back')),
    ).toBeUndefined();
  });

  it('should write the visit’s event to the outbox in the same transaction as the visit', async () => {
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
    const visit = await t.admin
      .post(`/api/v1/households/${household.id}/visits`)
      .send({
        visitedAt: '2026-03-09T09:00:00+07:00',
        officers: ['Trần Thị Mai'],
        outcome: 'listened',
        nextFollowUpOn: '2026-03-16',
      })
      .expect(201);
    const rows = await t.app
      .get(DataSource)
      .query<{ name: string; queue: string; payload: { name: string; payload: { visitId: string } } }[]>(
        `SELECT name, queue, payload FROM job_outbox
         WHERE payload->>'name' = 'visit.recorded' AND payload->'payload'->>'visitId' = $1 ORDER BY name`,
        [visit.body.id as string],
      );
    // One job per subscriber of visit.recorded, each carrying the same event.
    expect(rows.map((row) => [row.name, row.queue])).toEqual([
      ['event:households.end-silence', 'reminders'],
      ['event:visits.schedule-follow-up', 'reminders'],
    ]);
    expect(new Set(rows.map((row) => row.payload.name))).toEqual(new Set(['visit.recorded']));
  });
});

describe(JobRegistry.name, () => {
  @Injectable()
  class SnapshotOnly {
    calls: unknown[] = [];

    @HandlesJob('stats.snapshot')
    snapshot(payload: unknown): Promise<string> {
      this.calls.push(payload);
      return Promise.resolve('done');
    }
  }

  it('should dispatch a job to its handler and refuse to start while a job has none', async () => {
    const module = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [MethodDiscovery, JobRegistry, SnapshotOnly],
    }).compile();
    const registry = module.get(JobRegistry);
    await expect(registry.dispatch('stats.snapshot', {})).resolves.toBe('done');
    expect(module.get(SnapshotOnly).calls).toEqual([{}]);
    expect(() => registry.assertComplete()).toThrow(MissingJobHandlersError);
    expect(() => registry.assertComplete()).toThrow(JOB_NAMES.filter((name) => name !== 'stats.snapshot')[0]);
    await module.close();
  });
});
