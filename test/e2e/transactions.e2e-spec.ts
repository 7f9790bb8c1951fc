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

  it('should write collected items once, in the transaction, just before it commits', async () => {
    const bucket = {};
    const flushed: Array<{ items: string[]; txid: string }> = [];
    const flush = async (items: string[]) => {
      flushed.push({ items: [...items], txid: await txid() });
    };
    const outer = await t.tx.run(async () => {
      await t.tx.collect(bucket, 'visit', flush);
      await t.tx.run(() => t.tx.collect(bucket, 'household', flush));
      expect(flushed).toEqual([]);
      return txid();
    });
    expect(flushed).toEqual([{ items: ['visit', 'household'], txid: outer }]);

    // Outside a transaction an item is written at once.
    await t.tx.collect(bucket, 'alone', flush);
    expect(flushed[1].items).toEqual(['alone']);
  });

  it('should roll the whole unit back when writing what it collected fails', async () => {
    const project = await makeProject(t.dataSource);
    const household = await makeHousehold(t.dataSource, project.id, { headName: 'Trần Văn Cũ' });
    const failing = t.tx.run(async () => {
      await t.tx.manager.query(`UPDATE households SET head_name = 'Trần Văn Mới' WHERE id = $1`, [household.id]);
      await t.tx.collect({}, 'row', async () => {
        await t.tx.manager.query(`SELECT 1 / 0`);
      });
    });
    await expect(failing).rejects.toThrow(/division by zero/);
    const [row] = await t.dataSource.query<[{ head_name: string }]>(`SELECT head_name FROM households WHERE id = $1`, [
      household.id,
    ]);
    expect(row.head_name).toBe('Trần Văn Cũ');
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
