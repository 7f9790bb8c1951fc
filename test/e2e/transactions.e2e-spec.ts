import { ConcurrentChangeError, TransactionHost } from '../../src/database/transaction-host.js';
import { makeHousehold, makeProject } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

/** A real PostgreSQL serialization failure, raised by the server itself. */
const SERIALIZATION_FAILURE = `DO $$ BEGIN RAISE EXCEPTION 'could not serialize' USING ERRCODE = '40001'; END $$`;

describe(TransactionHost.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const txid = async () => (await t.tx.manager.query<{ id: string }[]>(`SELECT txid_current()::text AS id`))[0].id;

  it('should run nested units of work in the outer transaction, on its connection', async () => {
    const [outer, inner] = await t.tx.run(async () => [await txid(), await t.tx.run(() => txid())]);
    expect(inner).toBe(outer);
    expect(t.tx.inTransaction).toBe(false);
  });

  it('should retry once after a serialization failure, then succeed', async () => {
    let attempts = 0;
    const result = await t.tx.run(async () => {
      attempts += 1;
      if (attempts === 1) await t.tx.manager.query(SERIALIZATION_FAILURE);
      return 'done';
    });
    expect(result).toBe('done');
    expect(attempts).toBe(2);
  });

  it('should answer CONCURRENT_CHANGE when the retry collides again, never an unknown error', async () => {
    let attempts = 0;
    const failing = t.tx.run(async () => {
      attempts += 1;
      await t.tx.manager.query(SERIALIZATION_FAILURE);
    });
    await expect(failing).rejects.toBeInstanceOf(ConcurrentChangeError);
    await expect(failing).rejects.toMatchObject({ kind: 'conflict', code: 'CONCURRENT_CHANGE' });
    expect(attempts).toBe(2);
  });

  it('should see two transactions that lock in opposite orders through: PostgreSQL picks a victim, which retries', async () => {
    const project = await makeProject(t.dataSource);
    const [a, b] = [await makeHousehold(t.dataSource, project.id), await makeHousehold(t.dataSource, project.id)];
    const lock = (id: string) => t.tx.manager.query(`SELECT id FROM households WHERE id = $1 FOR UPDATE`, [id]);
    let bothHoldTheirFirst!: () => void;
    const barrier = new Promise<void>((resolve) => (bothHoldTheirFirst = resolve));
    let holding = 0;
    const holdFirst = async (id: string) => {
      await lock(id);
      if (++holding === 2) bothHoldTheirFirst();
      await barrier;
    };
    const runs = { ab: 0, ba: 0 };
    const outcomes = await Promise.allSettled([
      t.tx.run(async () => {
        runs.ab += 1;
        await holdFirst(a.id);
        await lock(b.id);
        return 'ab';
      }),
      t.tx.run(async () => {
        runs.ba += 1;
        await holdFirst(b.id);
        await lock(a.id);
        return 'ba';
      }),
    ]);
    expect(outcomes).toEqual([
      { status: 'fulfilled', value: 'ab' },
      { status: 'fulfilled', value: 'ba' },
    ]);
    // The deadlock's victim ran twice: once into the deadlock, once through.
    expect(runs.ab + runs.ba).toBe(3);
  });
});
