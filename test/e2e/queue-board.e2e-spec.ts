import request from 'supertest';
import {
  QUEUE_BOARD_COOKIE,
  QUEUE_BOARD_REFRESH_COOKIE,
  SIGN_IN_PATH,
  SIGN_OUT_PATH,
} from '../../src/http/queue-board-session.js';
import { makeUser } from '../factories/user-factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

/** `name=value` of each Set-Cookie, ready to send back. */
function cookiesOf(response: request.Response): Record<string, string> {
  const headers = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return Object.fromEntries(
    headers.map((header) => {
      const [pair] = header.split(';');
      const at = pair.indexOf('=');
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );
}

const cookieHeader = (cookies: Record<string, string>) =>
  Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

function signInForm(t: TestApp, email: string, password: string): request.Test {
  return request(t.http).post(SIGN_IN_PATH).type('form').send({ email, password });
}

describe('the queue board', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should refuse anonymous callers with 401 in the common error shape, and send a browser to the sign-in form', async () => {
    const response = await request(t.http).get('/admin/queues').expect(401);
    expect(response.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', requestId: expect.any(String) });
    await request(t.http).get('/admin/queues/api/queues').expect(401);
    const browser = await request(t.http).get('/admin/queues').set('Accept', 'text/html').expect(303);
    expect(browser.headers.location).toBe(SIGN_IN_PATH);
    const form = await request(t.http).get(SIGN_IN_PATH).expect(200).expect('content-type', /html/);
    expect(form.text).toContain('<form method="post"');
    expect(form.text).toContain('type="password"');
  });

  it('should never take a token from the URL', async () => {
    await request(t.http).get(`/admin/queues?token=${t.adminUser.token}`).expect(401);
    await request(t.http).get(`/admin/queues/api/queues?token=${t.adminUser.token}`).expect(401);
  });

  it('should refuse every role but administrators with 403', async () => {
    for (const role of ['officer', 'chair', 'supervisor'] as const) {
      const user = await t.as(role);
      const response = await user.api.get('/admin/queues').expect(403);
      expect(response.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN' });
    }
  });

  it('should show the board to administrators who send the header', async () => {
    await t.admin.get('/admin/queues').expect(200).expect('content-type', /html/);
    const queues = await t.admin.get('/admin/queues/api/queues').expect(200);
    expect(queues.body.queues.map((queue: { name: string }) => queue.name).sort()).toEqual([
      'events',
      'maintenance',
      'reminders',
      'resettlement',
      'webhooks',
    ]);
  });

  it('should sign an administrator in with the form, keep the sign-in in HttpOnly cookies of its path, and sign out', async () => {
    const admin = await makeUser(t.dataSource, { role: 'admin' });
    const signedIn = await signInForm(t, admin.email, admin.password).expect(303);
    expect(signedIn.headers.location).toBe('/admin/queues');
    for (const header of ([] as string[]).concat(signedIn.headers['set-cookie'])) {
      expect(header).toContain('HttpOnly');
      expect(header).toContain('SameSite=Strict');
      expect(header).toContain('Path=/admin/queues');
    }
    const cookies = cookiesOf(signedIn);
    expect(Object.keys(cookies).sort()).toEqual([QUEUE_BOARD_COOKIE, QUEUE_BOARD_REFRESH_COOKIE].sort());
    await request(t.http).get('/admin/queues/api/queues').set('Cookie', cookieHeader(cookies)).expect(200);

    // The menu's link shows a form; only its POST signs out.
    await request(t.http)
      .get(SIGN_OUT_PATH)
      .set('Cookie', cookieHeader(cookies))
      .expect(200)
      .expect(/method="post"/);
    await request(t.http).get('/admin/queues/api/queues').set('Cookie', cookieHeader(cookies)).expect(200);
    const out = await request(t.http).post(SIGN_OUT_PATH).set('Cookie', cookieHeader(cookies)).expect(303);
    expect(out.headers.location).toBe(SIGN_IN_PATH);
    // The sign-in has ended on the server, not only in this browser: the old cookies open nothing.
    await request(t.http).get('/admin/queues/api/queues').set('Cookie', cookieHeader(cookies)).expect(401);
  });

  it('should renew an expired board sign-in with its refresh cookie, once for requests sent together', async () => {
    const admin = await makeUser(t.dataSource, { role: 'admin' });
    const cookies = cookiesOf(await signInForm(t, admin.email, admin.password).expect(303));
    // As after the access cookie has expired: only the refresh cookie is left.
    const onlyRefresh = cookieHeader({ [QUEUE_BOARD_REFRESH_COOKIE]: cookies[QUEUE_BOARD_REFRESH_COOKIE] });
    const answers = await Promise.all(
      [1, 2, 3].map(() => request(t.http).get('/admin/queues/api/queues').set('Cookie', onlyRefresh)),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const renewed = cookiesOf(answers[0]);
    expect(renewed[QUEUE_BOARD_COOKIE]).toBeDefined();
    // Presenting one refresh token three times did not end the sign-in as stolen.
    await request(t.http).get('/admin/queues/api/queues').set('Cookie', cookieHeader(renewed)).expect(200);
  });

  it('should renew once across two API instances when requests sent together reach both', async () => {
    const other = await createTestApp({ shareWith: t });
    try {
      const admin = await makeUser(t.dataSource, { role: 'admin' });
      const cookies = cookiesOf(await signInForm(t, admin.email, admin.password).expect(303));
      const onlyRefresh = cookieHeader({ [QUEUE_BOARD_REFRESH_COOKIE]: cookies[QUEUE_BOARD_REFRESH_COOKIE] });
      const answers = await Promise.all(
        [t, other, t, other].map((app) => request(app.http).get('/admin/queues/api/queues').set('Cookie', onlyRefresh)),
      );
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
      const renewed = cookiesOf(answers[1]);
      await request(t.http).get('/admin/queues/api/queues').set('Cookie', cookieHeader(renewed)).expect(200);
    } finally {
      await other.close();
    }
  });

  it('should refuse forms posted from another site, and malformed ones, without a 500', async () => {
    const admin = await makeUser(t.dataSource, { role: 'admin' });
    const crossSite = await signInForm(t, admin.email, admin.password).set('Sec-Fetch-Site', 'cross-site').expect(403);
    expect(crossSite.headers['set-cookie']).toBeUndefined();
    await signInForm(t, admin.email, admin.password).set('Origin', 'https://evil.example').expect(403);
    await request(t.http).post(SIGN_OUT_PATH).set('Origin', 'https://evil.example').expect(403);
    for (const email of ['x'.repeat(400) + '@test.gpmb.vn', 'a\u0000b@test.gpmb.vn', '']) {
      await signInForm(t, email, 'whatever it is').expect(400);
    }
    await request(t.http).post(SIGN_IN_PATH).type('form').send('email=&password=').expect(400);
  });

  it('should count bogus credentials sent to the board like those sent to the API', async () => {
    const limited = await createTestApp({ config: { authFailureRateLimitPerMinute: 2 } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 3; i += 1) {
        statuses.push(
          (await request(limited.http).get('/admin/queues/api/queues').set('X-API-Key', `gpmb_bogus${i}`)).status,
        );
      }
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('should refuse wrong passwords and accounts that are not administrators on the form, and start no session', async () => {
    const admin = await makeUser(t.dataSource, { role: 'admin' });
    const wrong = await signInForm(t, admin.email, 'not the password at all').expect(401);
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(wrong.text).toContain('role="alert"');

    const officer = await makeUser(t.dataSource, { role: 'officer' });
    const refused = await signInForm(t, officer.email, officer.password).expect(403);
    expect(refused.headers['set-cookie']).toBeUndefined();
    const live: { count: string }[] = await t.dataSource.query(
      `SELECT count(*) FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`,
      [officer.user.id],
    );
    expect(Number(live[0].count)).toBe(0);
  });
});
