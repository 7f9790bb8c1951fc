import request from 'supertest';
import { loadConfig } from '../../src/config/app-config.js';
import { makeApiKey } from '../factories/api-key-factories.js';
import { makeProject, makeUnit } from '../factories/factories.js';
import { makeUser, signIn } from '../factories/user-factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `check` holds: another process hears of a change over Redis, a moment later. */
async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await sleep(25);
  }
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const CACHED = { auth: { ...loadConfig({}).auth, cacheSeconds: 30 } };

/**
 * Two API processes of one deployment, each caching credentials and scopes: a change made through
 * one reaches the other's cache at once (Redis pub/sub), so nothing that ends access lingers.
 */
describe('cached credentials and scopes', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp({ config: CACHED });
    b = await createTestApp({ config: CACHED, shareWith: a });
  });

  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const status = async (app: TestApp, token: string, path = '/api/v1/projects') =>
    (await request(app.http).get(path).set(bearer(token))).status;

  it('should reuse what it learnt of a token for a while, instead of asking the database each time', async () => {
    const user = await makeUser(a.dataSource);
    const session = await signIn(a.http, user);
    expect(await status(b, session.accessToken)).toBe(200);
    // Changed behind the product's back (no invalidation): the cached account still answers.
    await b.dataSource.query(`UPDATE users SET active = false WHERE id = $1`, [user.user.id]);
    expect(await status(b, session.accessToken)).toBe(200);
  });

  it('should refuse a token in every process as soon as its sign-in ends', async () => {
    const user = await makeUser(a.dataSource);
    const phone = await signIn(a.http, user);
    const laptop = await signIn(a.http, user);
    expect(await status(a, phone.accessToken)).toBe(200);
    expect(await status(b, phone.accessToken)).toBe(200);
    expect(await status(b, laptop.accessToken)).toBe(200);

    await request(a.http).post('/api/v1/auth/logout').set(bearer(phone.accessToken)).send({
      refreshToken: phone.refreshToken,
    });
    expect(await status(a, phone.accessToken)).toBe(401);
    await eventually(async () => (await status(b, phone.accessToken)) === 401, 'the other process refuses it');
    // The other sign-in goes on.
    expect(await status(b, laptop.accessToken)).toBe(200);
  });

  it('should shut a deactivated account out of every process at once', async () => {
    const user = await makeUser(a.dataSource);
    const session = await signIn(a.http, user);
    expect(await status(b, session.accessToken)).toBe(200);
    const current = await a.admin.get(`/api/v1/users/${user.user.id}`).expect(200);
    await a.admin
      .patch(`/api/v1/users/${user.user.id}`)
      .send({ active: false, version: current.body.version })
      .expect(200);
    await eventually(async () => (await status(b, session.accessToken)) === 401, 'the other process refuses it');
  });

  it('should refuse a revoked API key in every process', async () => {
    const { apiKey, key } = await makeApiKey(a.dataSource, a.adminUser.id);
    const withKey = async (app: TestApp) =>
      (await request(app.http).get('/api/v1/projects').set('X-API-Key', key)).status;
    expect(await withKey(b)).toBe(200);
    await a.admin.delete(`/api/v1/api-keys/${apiKey.id}`).expect(204);
    await eventually(async () => (await withKey(b)) === 401, 'the other process refuses the key');
  });

  it("should widen and narrow a user's scope in every process when units or projects change", async () => {
    const ward = await makeUnit(a.dataSource);
    const other = await makeUnit(a.dataSource);
    const project = await makeProject(a.dataSource, { unitIds: [other.id] });
    const user = await makeUser(a.dataSource, { role: 'officer', administrativeUnitIds: [ward.id] });
    const session = await signIn(a.http, user);
    const sees = async () =>
      (await request(b.http).get(`/api/v1/projects/${project.id}`).set(bearer(session.accessToken))).status === 200;
    expect(await sees()).toBe(false);

    // The project now also lies in the user's ward.
    const current = await a.admin.get(`/api/v1/projects/${project.id}`).expect(200);
    await a.admin
      .patch(`/api/v1/projects/${project.id}`)
      .send({ administrativeUnitIds: [other.id, ward.id], version: current.body.version })
      .expect(200);
    await eventually(sees, 'the other process sees the project');

    // The user is moved to another ward.
    const account = await a.admin.get(`/api/v1/users/${user.user.id}`).expect(200);
    const elsewhere = await makeUnit(a.dataSource);
    await a.admin
      .patch(`/api/v1/users/${user.user.id}`)
      .send({ administrativeUnitIds: [elsewhere.id], version: account.body.version })
      .expect(200);
    await eventually(async () => !(await sees()), 'the other process no longer shows it');
  });
});
