import request from 'supertest';
import { makeApiKey } from '../factories/api-key-factories.js';
import { makeHousehold, makeProject } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

/** What real HTTP clients (and hostile ones) send at the edge, before any route's own logic. */
describe('the HTTP edge', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ config: { corsOrigins: ['https://app.gpmb.vn'] } });
  });

  afterAll(async () => {
    await t.close();
  });

  const deep = (depth: number, leaf: unknown = 'x'): string =>
    '{"a":'.repeat(depth) + JSON.stringify(leaf) + '}'.repeat(depth);

  describe('JSON bodies', () => {
    it('should treat an empty JSON body as no body: a DELETE that sends one still revokes', async () => {
      const { apiKey } = await makeApiKey(t.dataSource, t.adminUser.id);
      await t.admin
        .delete(`/api/v1/api-keys/${apiKey.id}`)
        .set('content-type', 'application/json')
        .send('')
        .expect(204);
      const rows = await t.dataSource.query<{ revoked_at: Date | null }[]>(
        `SELECT revoked_at FROM api_keys WHERE id = $1`,
        [apiKey.id],
      );
      expect(rows[0].revoked_at).not.toBeNull();
    });

    it('should accept a body-less POST sent with a JSON content type', async () => {
      const user = await t.as('officer');
      await user.api.post('/api/v1/auth/logout').set('content-type', 'application/json').send('').expect(204);
    });

    it.each([
      ['null', 'null'],
      ['a number', '42'],
      ['a string', '"text"'],
      ['an array', '[]'],
    ])('should refuse %s as a body with 400 on a change', async (_label, body) => {
      const project = await makeProject(t.dataSource);
      const response = await t.admin
        .patch(`/api/v1/projects/${project.id}`)
        .set('content-type', 'application/json')
        .send(body)
        .expect(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { body: [expect.any(String)] } },
      });
    });

    it.each([5_000, 10_000])(
      'should refuse a body nested %i levels deep with 400, on every kind of write',
      async (depth) => {
        const project = await makeProject(t.dataSource);
        for (const [method, path] of [
          ['post', '/api/v1/projects'],
          ['patch', `/api/v1/projects/${project.id}`],
          ['post', `/api/v1/projects/${project.id}/households`],
          ['post', '/api/v1/auth/login'],
        ] as const) {
          const agent = request(t.http);
          const response = await (method === 'post' ? agent.post(path) : agent.patch(path))
            .set('authorization', `Bearer ${t.adminUser.token}`)
            .set('content-type', 'application/json')
            .send(deep(depth));
          expect({ path, status: response.status, code: response.body.code }).toEqual({
            path,
            status: 400,
            code: 'VALIDATION_FAILED',
          });
        }
        const arrays = '['.repeat(depth) + ']'.repeat(depth);
        await t.admin
          .post('/api/v1/projects')
          .set('content-type', 'application/json')
          .send(`{"code":${arrays}}`)
          .expect(400);
      },
    );

    it('should refuse lone UTF-16 surrogates in any string with 400, at sign-in and elsewhere', async () => {
      for (const email of ['\\ud800@x.vn', 'a\\udc00@x.vn', '\\udbff\\ud800@x.vn']) {
        const login = await request(t.http)
          .post('/api/v1/auth/login')
          .set('content-type', 'application/json')
          .send(`{"email":"${email}","password":"whatever-it-is"}`);
        expect(login.status).toBe(400);
        const user = await t.admin
          .post('/api/v1/users')
          .set('content-type', 'application/json')
          .send(
            `{"email":"${email}","fullName":"Người dùng","role":"officer","password":"x","administrativeUnitIds":[]}`,
          );
        expect(user.status).toBe(400);
      }
    });
  });

  describe('HTTP semantics', () => {
    it('should let a browser app edit and delete: the preflight allows every method and exposes the headers', async () => {
      const response = await request(t.http)
        .options('/api/v1/households/00000000-0000-4000-8000-000000000000')
        .set('origin', 'https://app.gpmb.vn')
        .set('access-control-request-method', 'PATCH')
        .set('access-control-request-headers', 'authorization,if-match,idempotency-key,content-type');
      expect(response.status).toBe(204);
      const methods = String(response.headers['access-control-allow-methods']).split(/\s*,\s*/);
      expect(methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PATCH', 'DELETE']));
      const allowed = String(response.headers['access-control-allow-headers']).toLowerCase();
      for (const header of ['authorization', 'if-match', 'idempotency-key']) expect(allowed).toContain(header);
      const simple = await t.admin.get('/api/v1/projects').set('origin', 'https://app.gpmb.vn').expect(200);
      const exposed = String(simple.headers['access-control-expose-headers']).toLowerCase();
      for (const header of ['etag', 'idempotent-replayed', 'x-request-id', 'location'])
        expect(exposed).toContain(header);
    });

    it('should answer a path with a trailing slash as the path without it', async () => {
      await t.admin.get('/api/v1/projects/').expect(200);
    });

    it('should answer a wrong method with 405 and the methods the path takes', async () => {
      const response = await t.admin.delete('/api/v1/projects').expect(405);
      expect(String(response.headers.allow).split(/\s*,\s*/)).toEqual(expect.arrayContaining(['GET', 'POST']));
      expect(response.body).toMatchObject({ statusCode: 405, code: 'METHOD_NOT_ALLOWED' });
      await t.admin.get('/api/v1/nowhere').expect(404);
    });

    it('should answer 304 to a GET whose If-None-Match holds the current ETag', async () => {
      const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
      const first = await t.admin.get(`/api/v1/households/${household.id}`).expect(200);
      const etag = String(first.headers.etag);
      const again = await t.admin.get(`/api/v1/households/${household.id}`).set('if-none-match', etag).expect(304);
      expect(again.text).toBe('');
      await t.admin.patch(`/api/v1/households/${household.id}`).send({ headName: 'Trần Văn Bình' }).expect(200);
      await t.admin.get(`/api/v1/households/${household.id}`).set('if-none-match', etag).expect(200);
    });

    it('should serve the docs at /docs, and send /docs/ there', async () => {
      const slash = await request(t.http).get('/docs/').expect(301);
      expect(slash.headers.location).toBe('/docs');
      await request(t.http).get('/docs').expect(200).expect('content-type', /html/);
    });

    it('should tell caches to keep no copy of what the API answers', async () => {
      const ok = await t.admin.get('/api/v1/projects').expect(200);
      expect(ok.headers['cache-control']).toBe('no-store');
      const refused = await request(t.http).get('/api/v1/projects').expect(401);
      expect(refused.headers['cache-control']).toBe('no-store');
    });
  });

  describe('null in a body', () => {
    it('should clear a field the contract marks nullable, and refuse null anywhere else', async () => {
      const project = await makeProject(t.dataSource, { description: 'Mô tả cũ' });
      const cleared = await t.admin
        .patch(`/api/v1/projects/${project.id}`)
        .send({ description: null, startedOn: null })
        .expect(200);
      expect(cleared.body).toMatchObject({ description: null, startedOn: null });

      const refused = await t.admin
        .patch(`/api/v1/projects/${project.id}`)
        .send({ version: null, administrativeUnitIds: null, name: null })
        .expect(400);
      expect(Object.keys(refused.body.details.fields).sort()).toEqual(['administrativeUnitIds', 'name', 'version']);
      const unchanged = await t.admin.get(`/api/v1/projects/${project.id}`).expect(200);
      expect(unchanged.body.version).toBe(cleared.body.version);
    });
  });

  describe('requests that used to answer 500', () => {
    it('should sign out with an Idempotency-Key, and replay the sign-out', async () => {
      const user = await t.as('officer');
      const first = await user.api.post('/api/v1/auth/logout').set('idempotency-key', 'logout-1').expect(204);
      expect(first.status).toBe(204);
      // The sign-out ended the session at once, so its retry is no longer signed in.
      const again = await user.api.post('/api/v1/auth/logout').set('idempotency-key', 'logout-1').expect(401);
      expect(again.body.code).toBe('INVALID_TOKEN');
    });

    it('should answer a body-less POST with an Idempotency-Key and a bad path id with 400', async () => {
      const response = await t.admin.post('/api/v1/households/not-a-uuid/consent').set('idempotency-key', 'k-1');
      expect(response.status).toBe(400);
    });

    it('should refuse a date far outside the years of this product with 400, not a deadline in year 10000', async () => {
      const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
      const response = await t.admin
        .post(`/api/v1/households/${household.id}/complaints`)
        .send({ receivedOn: '9999-12-31', summary: 'Khiếu nại về giá đất', complainant: 'Nguyễn Văn A' })
        .expect(400);
      expect(response.body.details.fields.receivedOn).toEqual([expect.stringContaining('2100')]);
    });
  });
});
