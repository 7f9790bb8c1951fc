import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { ApiKeysController } from '../../src/modules/api-keys/api-keys.controller.js';
import { ApiKeysService } from '../../src/modules/api-keys/api-keys.service.js';
import { makeApiKey } from '../factories/api-key-factories.js';
import { makeUnit } from '../factories/factories.js';
import { createTestApp, TEST_NOW, type TestApp } from '../utils/create-test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const KEY_FORMAT = /^gpmb_([0-9a-f]{8})_[A-Za-z0-9_-]{43}$/;

describe(ApiKeysController.name, () => {
  let t: TestApp;
  let keys: ApiKeysService;

  beforeAll(async () => {
    t = await createTestApp();
    keys = t.app.get(ApiKeysService);
  });

  afterEach(() => {
    t.clock.set(TEST_NOW);
  });

  afterAll(async () => {
    await t.close();
  });

  const storedKey = async (id: string) =>
    (
      await t.dataSource.query<{ key_hash: string; prefix: string; created_by: string; last_used_at: Date | null }[]>(
        `SELECT key_hash, prefix, created_by, last_used_at FROM api_keys WHERE id = $1`,
        [id],
      )
    )[0];

  describe('issuing', () => {
    it('should show the key once, store only its hash and never show it again', async () => {
      const ward = await makeUnit(t.dataSource);
      const created = await t.admin
        .post('/api/v1/api-keys')
        .send({
          name: 'Hệ thống một cửa thành phố',
          access: 'write',
          administrativeUnitIds: [ward.id],
          expiresAt: '2027-01-01T00:00:00+07:00',
        })
        .expect(201);
      const key = created.body.key as string;
      expect(key).toMatch(KEY_FORMAT);
      expect(created.body).toEqual({
        id: expect.any(String),
        name: 'Hệ thống một cửa thành phố',
        prefix: KEY_FORMAT.exec(key)?.[1],
        access: 'write',
        administrativeUnitIds: [ward.id],
        createdBy: t.adminUser.id,
        createdAt: expect.any(String),
        lastUsedAt: null,
        expiresAt: '2026-12-31T17:00:00.000Z',
        revokedAt: null,
        key,
      });

      const stored = await storedKey(created.body.id);
      expect(stored).toMatchObject({
        key_hash: createHash('sha256').update(key).digest('hex'),
        prefix: created.body.prefix,
        created_by: t.adminUser.id,
      });

      const secret = key.split('_').slice(2).join('_');
      const read = await t.admin.get(`/api/v1/api-keys/${created.body.id}`).expect(200);
      const list = await t.admin.get('/api/v1/api-keys').query({ limit: 200 }).expect(200);
      for (const body of [read.text, list.text]) {
        expect(body).not.toContain(secret);
        expect(body).not.toContain(stored.key_hash);
        expect(body).not.toMatch(/"key"|keyHash/);
      }
      const { key: _shownOnce, ...listed } = created.body;
      expect(read.body).toEqual(listed);
      expect(list.body.items).toContainEqual(listed);
    });

    it('should list keys newest first with paging', async () => {
      const older = await makeApiKey(t.dataSource, t.adminUser.id, { name: 'older' });
      const newer = await makeApiKey(t.dataSource, t.adminUser.id, { name: 'newer' });
      const page = await t.admin.get('/api/v1/api-keys').query({ limit: 200 }).expect(200);
      const ids = page.body.items.map((item: { id: string }) => item.id);
      expect(ids.indexOf(newer.apiKey.id)).toBeLessThan(ids.indexOf(older.apiKey.id));
      const first = await t.admin.get('/api/v1/api-keys').query({ limit: 1 }).expect(200);
      expect(first.body).toMatchObject({ limit: 1, offset: 0, total: page.body.total });
      expect(first.body.items).toHaveLength(1);
    });

    it.each([
      ['no name', { name: undefined }, 'name'],
      ['an unknown access', { access: 'admin' }, 'access'],
      ['no unit', { administrativeUnitIds: [] }, 'administrativeUnitIds'],
      ['a malformed unit id', { administrativeUnitIds: ['tay-ho'] }, 'administrativeUnitIds'],
      ['an expiry without a time zone', { expiresAt: '2027-01-01T00:00:00' }, 'expiresAt'],
      ['an unknown field', { role: 'admin' }, 'role'],
    ])('should answer 400 for %s', async (_label, overrides, field) => {
      const ward = await makeUnit(t.dataSource);
      const body = { name: 'Ứng dụng di động', access: 'read', administrativeUnitIds: [ward.id], ...overrides };
      const response = await t.admin.post('/api/v1/api-keys').send(body).expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(response.body.details.fields)).toContain(field);
    });

    it('should answer 400 for units that do not exist and an expiry in the past, and issue nothing', async () => {
      const before = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM api_keys`);
      const missing = await t.admin
        .post('/api/v1/api-keys')
        .send({ name: 'x', access: 'read', administrativeUnitIds: [UNKNOWN_ID] })
        .expect(400);
      expect(missing.body.details.fields.administrativeUnitIds).toEqual([
        `administrative unit ${UNKNOWN_ID} does not exist`,
      ]);
      const ward = await makeUnit(t.dataSource);
      const past = await t.admin
        .post('/api/v1/api-keys')
        .send({ name: 'x', access: 'read', administrativeUnitIds: [ward.id], expiresAt: '2026-03-10T08:59:59+07:00' })
        .expect(400);
      expect(Object.keys(past.body.details.fields)).toEqual(['expiresAt']);
      const after = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM api_keys`);
      expect(after[0].n).toBe(before[0].n);
    });

    it('should be for administrators only', async () => {
      const ward = await makeUnit(t.dataSource);
      const chair = await t.as('chair', [ward.id]);
      await chair.api.get('/api/v1/api-keys').expect(403);
      await chair.api
        .post('/api/v1/api-keys')
        .send({ name: 'x', access: 'write', administrativeUnitIds: [ward.id] })
        .expect(403);
      await request(t.http).get('/api/v1/api-keys').expect(401);
    });

    it('should answer 404 for an unknown key and 400 for a malformed id', async () => {
      await t.admin.get(`/api/v1/api-keys/${UNKNOWN_ID}`).expect(404);
      await t.admin.get('/api/v1/api-keys/not-a-uuid').expect(400);
      await t.admin.delete(`/api/v1/api-keys/${UNKNOWN_ID}`).expect(404);
      await t.admin.delete('/api/v1/api-keys/not-a-uuid').expect(400);
    });
  });

  describe('authenticating', () => {
    it('should turn a valid key into an API-key principal with its units', async () => {
      const wards = [(await makeUnit(t.dataSource)).id, (await makeUnit(t.dataSource)).id].sort();
      const { apiKey, key } = await makeApiKey(t.dataSource, t.adminUser.id, {
        name: 'Nhà đầu tư',
        access: 'write',
        unitIds: wards,
      });
      expect(await keys.authenticate(key)).toEqual({
        type: 'api_key',
        id: apiKey.id,
        name: 'Nhà đầu tư',
        access: 'write',
        administrativeUnitIds: wards,
      });
    });

    it('should refuse unknown and malformed keys', async () => {
      const { key } = await makeApiKey(t.dataSource, t.adminUser.id);
      const tampered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
      expect(await keys.authenticate(tampered)).toBeNull();
      expect(await keys.authenticate(`gpmb_deadbeef_${randomBytes(32).toString('base64url')}`)).toBeNull();
      expect(await keys.authenticate('')).toBeNull();
      expect(await keys.authenticate(`Bearer ${key}`)).toBeNull();
    });

    it('should refuse a key from the moment it expires', async () => {
      const expiresAt = new Date(TEST_NOW.getTime() + 3_600_000);
      const { key } = await makeApiKey(t.dataSource, t.adminUser.id, { expiresAt });
      expect(await keys.authenticate(key)).not.toBeNull();
      t.clock.set(expiresAt);
      expect(await keys.authenticate(key)).toBeNull();
    });

    it('should refuse a revoked key, keep the row, and revoke idempotently', async () => {
      const { apiKey, key } = await makeApiKey(t.dataSource, t.adminUser.id);
      expect(await keys.authenticate(key)).not.toBeNull();

      await t.admin.delete(`/api/v1/api-keys/${apiKey.id}`).expect(204);
      expect(await keys.authenticate(key)).toBeNull();
      const revoked = await t.admin.get(`/api/v1/api-keys/${apiKey.id}`).expect(200);
      expect(revoked.body.revokedAt).toBe(TEST_NOW.toISOString());

      t.clock.set(new Date(TEST_NOW.getTime() + 60_000));
      await t.admin.delete(`/api/v1/api-keys/${apiKey.id}`).expect(204);
      const again = await t.admin.get(`/api/v1/api-keys/${apiKey.id}`).expect(200);
      expect(again.body.revokedAt).toBe(TEST_NOW.toISOString());
    });

    it('should record use at most once a minute', async () => {
      const { apiKey, key } = await makeApiKey(t.dataSource, t.adminUser.id);
      const lastUsed = async () => (await storedKey(apiKey.id)).last_used_at?.toISOString() ?? null;
      expect(await lastUsed()).toBeNull();

      await keys.authenticate(key);
      expect(await lastUsed()).toBe(TEST_NOW.toISOString());

      t.clock.set(new Date(TEST_NOW.getTime() + 59_000));
      await keys.authenticate(key);
      expect(await lastUsed()).toBe(TEST_NOW.toISOString());

      const aMinuteLater = new Date(TEST_NOW.getTime() + 60_000);
      t.clock.set(aMinuteLater);
      await keys.authenticate(key);
      expect(await lastUsed()).toBe(aMinuteLater.toISOString());
      const shown = await t.admin.get(`/api/v1/api-keys/${apiKey.id}`).expect(200);
      expect(shown.body.lastUsedAt).toBe(aMinuteLater.toISOString());
    });

    it('should let a client call the API with its key, within its units and permissions', async () => {
      const ward = await makeUnit(t.dataSource);
      const reader = await makeApiKey(t.dataSource, t.adminUser.id, { access: 'read', unitIds: [ward.id] });
      await request(t.http).get('/api/v1/projects').set('X-API-Key', reader.key).expect(200);
      // Keys never manage keys, whatever their access.
      const writer = await makeApiKey(t.dataSource, t.adminUser.id, { access: 'write', unitIds: [ward.id] });
      await request(t.http).get('/api/v1/api-keys').set('X-API-Key', writer.key).expect(403);

      await t.admin.delete(`/api/v1/api-keys/${reader.apiKey.id}`).expect(204);
      await request(t.http).get('/api/v1/projects').set('X-API-Key', reader.key).expect(401);
    });
  });
});
