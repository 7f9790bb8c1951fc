import request from 'supertest';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

/** What every client can rely on, whatever the route: docs, health, request ids, one error shape. */
describe('API contract', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should serve the OpenAPI document with every route of the contract', async () => {
    const response = await request(t.http).get('/docs-json').expect(200);
    // Path parameter names are documentation, not contract: compare with them normalised.
    const paths = Object.keys(response.body.paths).map((path) => path.replace(/\{\w+\}/g, '{id}'));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/administrative-units',
        '/api/v1/administrative-units/{id}',
        '/api/v1/projects',
        '/api/v1/projects/{id}',
        '/api/v1/projects/{id}/households',
        '/api/v1/households/{id}',
        '/api/v1/households/{id}/consent',
        '/api/v1/households/{id}/consent-history',
        '/api/v1/households/{id}/visits',
        '/api/v1/projects/{id}/dialogue-sessions',
        '/api/v1/dialogue-sessions/{id}',
        '/api/v1/projects/{id}/stats',
        '/api/v1/stats/projects',
        '/api/v1/projects/{id}/stats/timeline',
        '/api/v1/auth/login',
        '/api/v1/users',
        '/api/v1/api-keys',
        '/api/v1/audit',
        '/api/v1/deadline-rules',
        '/api/v1/holidays',
        '/api/v1/households/{id}/complaints',
        '/api/v1/complaints/{id}',
        '/api/v1/projects/{id}/milestones',
        '/api/v1/households/{id}/enforcement',
        '/api/v1/reminders',
        '/api/v1/resettlement-funds',
        '/api/v1/resettlement-funds/{id}/units',
        '/api/v1/resettlement-offers/{id}/accept',
        '/api/v1/webhooks',
        '/health',
      ]),
    );
    expect(response.body.components.schemas.ErrorResponse).toBeDefined();
    await request(t.http).get('/docs').expect(200).expect('content-type', /html/);
  });

  it('should report the database and Redis as up', async () => {
    const response = await request(t.http).get('/health').expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, redis: { status: 'up' } },
    });
  });

  it('should echo a client request id, or make one, and put it in errors', async () => {
    const given = await t.admin.get('/api/v1/projects').set('X-Request-Id', 'phone-abc-123').expect(200);
    expect(given.headers['x-request-id']).toBe('phone-abc-123');
    const error = await t.admin.get('/api/v1/projects/00000000-0000-4000-8000-000000000000').expect(404);
    expect(error.body.requestId).toBe(error.headers['x-request-id']);
  });

  it.each([
    ['an unknown route', () => request(t.http).get('/api/v1/nowhere'), 404],
    [
      'malformed JSON',
      () => request(t.http).post('/api/v1/projects').set('content-type', 'application/json').send('{"code":'),
      400,
    ],
    [
      'a body over 1 MiB',
      () =>
        request(t.http)
          .post('/api/v1/projects')
          .send({ name: 'x'.repeat(1_100_000) }),
      413,
    ],
    ['a JSON array body', () => t.admin.post('/api/v1/projects').send([1, 2]), 400],
    ['no credentials', () => request(t.http).get('/api/v1/projects'), 401],
    [
      'a role without the permission',
      async () => (await t.as('supervisor')).api.post('/api/v1/projects').send({}),
      403,
    ],
    [
      'a wrong content type',
      () => request(t.http).post('/api/v1/projects').set('content-type', 'application/xml').send('<a/>'),
      415,
    ],
  ])('should answer %s with the common error shape', async (_label, send, status) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.body).toEqual({
      statusCode: status,
      error: expect.any(String),
      code: expect.any(String),
      message: expect.any(String),
      requestId: expect.any(String),
      ...(response.body.details ? { details: expect.anything() } : {}),
    });
  });
});
