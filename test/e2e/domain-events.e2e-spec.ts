import { Injectable, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { MethodDiscovery } from '../../src/common/method-discovery.js';
import { Clock, ManualClock } from '../../src/common/clock/clock.js';
import { TransactionHost } from '../../src/database/transaction-host.js';
import { EventReceiptsRepository } from '../../src/events/event-receipts.repository.js';
import { JobRegistry } from '../../src/jobs/job-registry.service.js';
import { JobsService } from '../../src/jobs/jobs.service.js';
import type { DomainEvent } from '../../src/events/domain-events.js';
import { EventBus } from '../../src/events/event-bus.service.js';
import { OnDomainEvent } from '../../src/events/on-domain-event.decorator.js';
import { AuditModule } from '../../src/modules/audit/audit.module.js';
import { AuditService } from '../../src/modules/audit/audit.service.js';
import { makeHousehold, makeProject } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

/** A subscriber whose first attempt fails after its effect: the effect must not be there twice. */
@Injectable()
class FlakyEffect {
  attempts = 0;

  constructor(private readonly audit: AuditService) {}

  @OnDomainEvent('household.archived', { id: 'test.flaky-effect' })
  async onArchived({ payload }: DomainEvent<'household.archived'>): Promise<void> {
    this.attempts += 1;
    await this.audit.record({ action: 'test_effect', entity: 'Household', entityId: payload.householdId });
    if (this.attempts === 1) throw new Error('the first attempt fails after its effect');
  }
}

@Module({ imports: [AuditModule], providers: [FlakyEffect] })
class FlakyModule {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(EventBus.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ worker: true, imports: [FlakyModule] });
  });

  afterAll(async () => {
    await t.close();
  });

  const archive = (householdId: string) =>
    t.admin
      .patch(`/api/v1/households/${householdId}`)
      .send({ archived: true, archiveReason: 'Trùng hồ sơ với hộ đã kê khai' })
      .expect(200);

  async function receiptOf(handler: string, eventId: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const rows = await t.dataSource.query(`SELECT 1 FROM event_receipts WHERE handler = $1 AND event_id = $2`, [
        handler,
        eventId,
      ]);
      if (rows.length) return;
      if (Date.now() > deadline) throw new Error(`${handler} never handled ${eventId}`);
      await sleep(100);
    }
  }

  it('should retry a failing subscriber without repeating its effect, and handle a redelivery once', async () => {
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
    await archive(household.id);
    const [event] = (await t.jobs.eventsFor('test.flaky-effect', 'household.archived')).filter(
      (e) => e.payload.householdId === household.id,
    );
    await receiptOf('test.flaky-effect', event.id);

    const flaky = t.app.get(FlakyEffect);
    expect(flaky.attempts).toBe(2);
    const effects = async () =>
      (
        await t.dataSource.query(
          `SELECT count(*)::int AS n FROM audit_log WHERE action = 'test_effect' AND entity_id = $1`,
          [household.id],
        )
      )[0].n;
    // The failed attempt's effect rolled back with it; the retry's committed with the receipt.
    expect(await effects()).toBe(1);

    // The same event again (a re-published outbox row, a stalled worker's job run twice).
    await expect(t.jobs.deliver('test.flaky-effect', event)).resolves.toBe('already-handled');
    expect(flaky.attempts).toBe(2);
    expect(await effects()).toBe(1);
  });

  it('should give every subscriber its own job carrying the same event, in the publishing transaction', async () => {
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
    await archive(household.id);
    const rows = await t.dataSource.query<{ name: string; event_id: string }[]>(
      `SELECT name, payload->>'id' AS event_id FROM job_outbox
       WHERE payload->>'name' = 'household.archived' AND payload->'payload'->>'householdId' = $1 ORDER BY name`,
      [household.id],
    );
    expect(rows.map((row) => row.name)).toEqual(
      t.app
        .get(EventBus)
        .subscriptionIdsOf('household.archived')
        .map((id) => `event:${id}`)
        .sort(),
    );
    expect(new Set(rows.map((row) => row.event_id)).size).toBe(1);
    await t.jobs.idle();
  });

  it('should publish nothing when the change rolls back', async () => {
    const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
    await expect(
      t.tx.run(async () => {
        await t.app.get(EventBus).publish('household.archived', {
          householdId: household.id,
          projectId: household.projectId,
          status: 'objecting',
          reason: 'x',
          archivedAt: new Date().toISOString(),
        });
        throw new Error('the archive failed');
      }),
    ).rejects.toThrow('the archive failed');
    const rows = await t.dataSource.query(`SELECT 1 FROM job_outbox WHERE payload->'payload'->>'householdId' = $1`, [
      household.id,
    ]);
    expect(rows).toEqual([]);
  });
});

describe('EventBus at start-up', () => {
  @Injectable()
  class First {
    @OnDomainEvent('household.archived', { id: 'test.same-id' })
    async once(): Promise<void> {}
  }

  @Injectable()
  class Second {
    @OnDomainEvent('household.restored', { id: 'test.same-id' })
    async twice(): Promise<void> {}
  }

  @Injectable()
  class BadQueue {
    @OnDomainEvent('household.restored', { id: 'test.bad-queue', queue: 'nowhere' as never })
    async lost(): Promise<void> {}
  }

  /** The bus and the registry as the app wires them; what they write with is not reached at start-up. */
  const boot = async (...subscribers: Array<new () => object>) => {
    const module = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [
        MethodDiscovery,
        EventBus,
        JobRegistry,
        ...subscribers,
        { provide: TransactionHost, useValue: {} },
        { provide: JobsService, useValue: {} },
        { provide: EventReceiptsRepository, useValue: {} },
        { provide: Clock, useValue: new ManualClock(new Date()) },
      ],
    }).compile();
    try {
      await module.init();
      return module.get(EventBus);
    } finally {
      await module.close();
    }
  };

  it('should register a job per subscription and list them per event', async () => {
    const bus = await boot(First);
    expect(bus.subscriptionIdsOf('household.archived')).toEqual(['test.same-id']);
  });

  it('should refuse to start when two subscriptions take one id', async () => {
    await expect(boot(First, Second)).rejects.toThrow('Two subscriptions are named test.same-id');
  });

  it('should refuse to start when a subscription names a queue that does not exist', async () => {
    await expect(boot(BadQueue)).rejects.toThrow('unknown queue nowhere');
  });
});
