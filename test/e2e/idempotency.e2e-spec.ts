import { IdempotencyInterceptor } from '../../src/modules/idempotency/idempotency.interceptor.js';
import { makeUnit } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

describe(IdempotencyInterceptor.name, () => {
  let t: TestApp;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp();
    unitId = (await makeUnit(t.dataSource)).id;
  });

  afterAll(async () => {
    await t.close();
  });

  const project = (code: string) => ({ code, name: 'Dự án thử', administrativeUnitIds: [unitId] });
  const countProjects = async (code: string) => {
    const rows = await t.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM projects WHERE code = $1', [
      code,
    ]);
    return rows[0].n;
  };

  it('should replay the first response to a retry and create nothing more', async () => {
    const first = await t.admin
      .post('/api/v1/projects')
      .set('Idempotency-Key', 'create-p1')
      .send(project('IDEM-1'))
      .expect(201);
    const retry = await t.admin
      .post('/api/v1/projects')
      .set('Idempotency-Key', 'create-p1')
      .send(project('IDEM-1'))
      .expect(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await countProjects('IDEM-1')).toBe(1);
  });

  it('should refuse the same key with a different body', async () => {
    await t.admin.post('/api/v1/projects').set('Idempotency-Key', 'create-p2').send(project('IDEM-2')).expect(201);
    const reused = await t.admin
      .post('/api/v1/projects')
      .set('Idempotency-Key', 'create-p2')
      .send(project('IDEM-2b'))
      .expect(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await countProjects('IDEM-2b')).toBe(0);
  });

  it('should create one record from concurrent replays of one key', async () => {
    const responses = await Promise.all(
      Array.from({ length: 6 }, () =>
        t.admin.post('/api/v1/projects').set('Idempotency-Key', 'burst').send(project('IDEM-3')),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await countProjects('IDEM-3')).toBe(1);
  });

  it('should keep keys apart per caller', async () => {
    const other = await t.as('admin');
    await t.admin.post('/api/v1/projects').set('Idempotency-Key', 'shared').send(project('IDEM-4a')).expect(201);
    const second = await other.api
      .post('/api/v1/projects')
      .set('Idempotency-Key', 'shared')
      .send(project('IDEM-4b'))
      .expect(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(await countProjects('IDEM-4b')).toBe(1);
  });

  it('should let a retry run for real when the first attempt failed', async () => {
    const invalid = { ...project('IDEM-5'), administrativeUnitIds: ['00000000-0000-4000-8000-000000000000'] };
    await t.admin.post('/api/v1/projects').set('Idempotency-Key', 'fails-first').send(invalid).expect(400);
    await t.admin.post('/api/v1/projects').set('Idempotency-Key', 'fails-first').send(invalid).expect(400);
    expect(await countProjects('IDEM-5')).toBe(0);
  });

  it('should forget a key after 24 hours', async () => {
    await t.admin.post('/api/v1/projects').set('Idempotency-Key', 'old-key').send(project('IDEM-6')).expect(201);
    t.clock.advanceDays(1.1);
    // The project exists now, so running the request again is refused as a duplicate code, not replayed.
    const again = await t.admin
      .post('/api/v1/projects')
      .set('Idempotency-Key', 'old-key')
      .send(project('IDEM-6'))
      .expect(409);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('should refuse a malformed key', async () => {
    await t.admin
      .post('/api/v1/projects')
      .set('Idempotency-Key', 'has spaces in it')
      .send(project('IDEM-7'))
      .expect(400);
    expect(await countProjects('IDEM-7')).toBe(0);
  });
});
