import { JwtService } from '@nestjs/jwt';
import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import { AuthController } from '../../src/modules/auth/auth.controller.js';
import { AuthService } from '../../src/modules/auth/auth.service.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { makeApiKey } from '../factories/api-key-factories.js';
import { makeUnit } from '../factories/factories.js';
import { leaksSecrets, login, makeUser, refresh, signIn, uniqueEmail } from '../factories/user-factories.js';
import { createTestApp, TEST_JWT_SECRET, TEST_NOW, type TestApp } from '../utils/create-test-app.js';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const secondsLater = (seconds: number) => new Date(TEST_NOW.getTime() + seconds * 1000);

describe(AuthController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterEach(() => {
    t.clock.set(TEST_NOW);
  });

  afterAll(async () => {
    await t.close();
  });

  it('should sign in and return tokens that open the routes the role allows', async () => {
    const unit = await makeUnit(t.dataSource);
    const admin = await makeUser(t.dataSource, {
      role: 'admin',
      fullName: 'Trần Văn Quản',
      administrativeUnitIds: [unit.id],
    });

    const response = await login(t.http, admin.email, admin.password).expect(200);

    expect(response.body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: t.config.auth.accessTokenTtlSeconds,
      refreshToken: expect.stringMatching(/^[\w-]{43,}$/),
      refreshTokenExpiresAt: new Date(
        TEST_NOW.getTime() + t.config.auth.refreshTokenTtlDays * 86_400_000,
      ).toISOString(),
      user: {
        id: admin.user.id,
        email: admin.email,
        fullName: 'Trần Văn Quản',
        role: 'admin',
        administrativeUnitIds: [unit.id],
      },
    });
    expect(leaksSecrets(response.body, admin.password)).toBe(false);
    const payload = new JwtService().decode<Record<string, unknown>>(response.body.accessToken);
    expect(payload).toEqual({
      sub: admin.user.id,
      typ: 'access',
      sid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      iat: TEST_NOW.getTime() / 1000,
      exp: TEST_NOW.getTime() / 1000 + t.config.auth.accessTokenTtlSeconds,
    });
    const stored: { token_hash: string }[] = await t.dataSource.query(
      'SELECT token_hash FROM refresh_tokens WHERE user_id = $1',
      [admin.user.id],
    );
    // Only the digest is kept: a copy of the table opens no session.
    expect(stored.map((row) => row.token_hash)).toEqual([
      createHash('sha256').update(response.body.refreshToken).digest('hex'),
    ]);

    await request(t.http).get('/api/v1/users').set(bearer(response.body.accessToken)).expect(200);

    const officer = await makeUser(t.dataSource, { role: 'officer', administrativeUnitIds: [unit.id] });
    const officerTokens = await signIn(t.http, officer);
    await request(t.http).get('/api/v1/projects').set(bearer(officerTokens.accessToken)).expect(200);
    const forbidden = await request(t.http).get('/api/v1/users').set(bearer(officerTokens.accessToken)).expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN');
  });

  it('should accept the email in any case and the password in any Unicode normal form', async () => {
    const user = await makeUser(t.dataSource, { password: 'Mật khẩu có dấu 2026'.normalize('NFC') });
    await login(t.http, `  ${user.email.toUpperCase()} `, 'Mật khẩu có dấu 2026'.normalize('NFD')).expect(200);
  });

  it('should answer a wrong password and an unknown email the same way', async () => {
    const user = await makeUser(t.dataSource);
    const wrongPassword = await login(t.http, user.email, 'not the password').expect(401);
    const unknownEmail = await login(t.http, uniqueEmail('nobody'), 'not the password').expect(401);
    const inactive = await makeUser(t.dataSource, { active: false });
    const deactivated = await login(t.http, inactive.email, inactive.password).expect(401);

    const shape = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(shape(wrongPassword.body)).toEqual(shape(unknownEmail.body));
    expect(shape(deactivated.body)).toEqual(shape(unknownEmail.body));
    expect(unknownEmail.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS' });
    expect(unknownEmail.body.details).toBeUndefined();
  });

  it('should lock an unknown or deactivated email exactly as an account, so lockout tells nothing', async () => {
    const { loginMaxFailures } = t.config.auth;
    const user = await makeUser(t.dataSource);
    const inactive = await makeUser(t.dataSource, { active: false });
    const emails = [user.email, uniqueEmail('nobody'), inactive.email];
    // The clock stands still, so even the ends of the locks are equal.
    const shape = (body: Record<string, unknown>): Record<string, unknown> => ({ ...body, requestId: undefined });
    for (let attempt = 1; attempt <= loginMaxFailures + 1; attempt += 1) {
      const answers = [];
      for (const email of emails) answers.push(await login(t.http, email, 'wrong password every time'));
      const [account, ...others] = answers.map((answer) => ({ status: answer.status, body: shape(answer.body) }));
      for (const other of others) expect({ attempt, ...other }).toEqual({ attempt, ...account });
      expect(account.body.code).toBe(attempt < loginMaxFailures ? 'INVALID_CREDENTIALS' : 'ACCOUNT_LOCKED');
    }
    // The lock of an email without an account ends like an account's.
    t.clock.set(new Date(TEST_NOW.getTime() + (t.config.auth.loginLockMinutes + 1) * 60_000));
    try {
      const after = await login(t.http, emails[1], 'wrong password every time').expect(401);
      expect(after.body.code).toBe('INVALID_CREDENTIALS');
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('should forget the failures of an account and of an unknown email alike after a day', async () => {
    const { loginMaxFailures } = t.config.auth;
    const user = await makeUser(t.dataSource);
    const emails = [user.email, uniqueEmail('nobody')];
    for (let attempt = 1; attempt < loginMaxFailures; attempt += 1) {
      for (const email of emails) await login(t.http, email, 'wrong password every time').expect(401);
    }
    t.clock.set(new Date(TEST_NOW.getTime() + 25 * 3600_000));
    try {
      // The nightly purge forgets the unknown email's count; the account forgets its own by the same rule.
      await t.app.get(UsersService).purgeSignInFailures();
      const codes = [];
      for (const email of emails) codes.push((await login(t.http, email, 'wrong password every time')).body.code);
      expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS']);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('should refuse malformed sign-in requests with 400', async () => {
    const response = await request(t.http)
      .post('/api/v1/auth/login')
      .send({ email: 'not-an-email', password: '', remember: true })
      .expect(400);
    expect(Object.keys(response.body.details.fields).sort()).toEqual(['email', 'password', 'remember']);
  });

  it('should lock an account after repeated wrong passwords, and open it once the lock ends', async () => {
    const { loginMaxFailures, loginLockMinutes } = t.config.auth;
    const user = await makeUser(t.dataSource);
    for (let attempt = 1; attempt < loginMaxFailures; attempt += 1) {
      const response = await login(t.http, user.email, 'wrong password').expect(401);
      expect(response.body.code).toBe('INVALID_CREDENTIALS');
    }
    const lockedUntil = new Date(TEST_NOW.getTime() + loginLockMinutes * 60_000).toISOString();
    const locking = await login(t.http, user.email, 'wrong password').expect(401);
    expect(locking.body).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { lockedUntil } });
    expect(locking.body.message).toContain(lockedUntil);

    t.clock.set(secondsLater(loginLockMinutes * 60 - 1));
    const stillLocked = await login(t.http, user.email, user.password).expect(401);
    expect(stillLocked.body).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { lockedUntil } });

    t.clock.set(secondsLater(loginLockMinutes * 60));
    await login(t.http, user.email, user.password).expect(200);
    const account = await t.admin.get(`/api/v1/users/${user.user.id}`).expect(200);
    expect(account.body).toMatchObject({
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: secondsLater(loginLockMinutes * 60).toISOString(),
    });
  });

  it('should count only wrong passwords in a row', async () => {
    const user = await makeUser(t.dataSource);
    const failures = t.config.auth.loginMaxFailures - 1;
    for (let attempt = 0; attempt < failures; attempt += 1)
      await login(t.http, user.email, 'wrong password').expect(401);
    await login(t.http, user.email, user.password).expect(200);
    for (let attempt = 0; attempt < failures; attempt += 1)
      await login(t.http, user.email, 'wrong password').expect(401);
    await login(t.http, user.email, user.password).expect(200);
  });

  it('should throttle sign-in attempts for one email from one address', async () => {
    const email = uniqueEmail('guess');
    for (let attempt = 0; attempt < 10; attempt += 1) await login(t.http, email, 'guess number x').expect(401);
    const throttled = await login(t.http, email, 'guess number x').expect(429);
    expect(throttled.body.code).toBe('TOO_MANY_REQUESTS');
    // Another email from the same address is counted on its own.
    await login(t.http, uniqueEmail('other'), 'guess number x').expect(401);
  });

  it('should rotate refresh tokens and end the sign-in when one is used twice', async () => {
    const user = await makeUser(t.dataSource);
    const first = await signIn(t.http, user);
    const other = await signIn(t.http, user);

    const rotated = await refresh(t.http, first.refreshToken).expect(200);
    expect(rotated.body.refreshToken).not.toBe(first.refreshToken);
    expect(rotated.body.user.id).toBe(user.user.id);
    expect(leaksSecrets(rotated.body, user.password)).toBe(false);
    await request(t.http).get('/api/v1/projects').set(bearer(rotated.body.accessToken)).expect(200);

    const replay = await refresh(t.http, first.refreshToken).expect(401);
    expect(replay.body.code).toBe('REFRESH_TOKEN_REUSED');
    const descendant = await refresh(t.http, rotated.body.refreshToken).expect(401);
    expect(descendant.body.code).toBe('REFRESH_TOKEN_REVOKED');
    // Only that sign-in ended: the other device carries on.
    await refresh(t.http, other.refreshToken).expect(200);
  });

  it('should refuse unknown and expired refresh tokens', async () => {
    const user = await makeUser(t.dataSource);
    const tokens = await signIn(t.http, user);
    const unknown = await refresh(t.http, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(401);
    expect(unknown.body.code).toBe('INVALID_REFRESH_TOKEN');
    await request(t.http).post('/api/v1/auth/refresh').send({}).expect(400);

    t.clock.advanceDays(t.config.auth.refreshTokenTtlDays);
    const expired = await refresh(t.http, tokens.refreshToken).expect(401);
    expect(expired.body.code).toBe('REFRESH_TOKEN_EXPIRED');
  });

  it('should refuse an access token once it has expired', async () => {
    const user = await makeUser(t.dataSource);
    const { accessToken } = await signIn(t.http, user);
    t.clock.set(secondsLater(t.config.auth.accessTokenTtlSeconds - 1));
    await request(t.http).get('/api/v1/projects').set(bearer(accessToken)).expect(200);
    t.clock.set(secondsLater(t.config.auth.accessTokenTtlSeconds));
    const expired = await request(t.http).get('/api/v1/projects').set(bearer(accessToken)).expect(401);
    expect(expired.body.code).toBe('TOKEN_EXPIRED');
  });

  it('should shut a deactivated account out at once, whatever tokens it holds', async () => {
    const user = await makeUser(t.dataSource);
    const tokens = await signIn(t.http, user);
    await t.admin.patch(`/api/v1/users/${user.user.id}`).send({ active: false }).expect(200);

    const oldToken = await request(t.http).get('/api/v1/projects').set(bearer(tokens.accessToken)).expect(401);
    expect(oldToken.body.code).toBe('INVALID_TOKEN');
    const relogin = await login(t.http, user.email, user.password).expect(401);
    expect(relogin.body.code).toBe('INVALID_CREDENTIALS');
    const renewed = await refresh(t.http, tokens.refreshToken).expect(401);
    expect(renewed.body.code).toBe('REFRESH_TOKEN_REVOKED');
  });

  it('should end one sign-in, or all of them, on logout', async () => {
    const user = await makeUser(t.dataSource);
    const phone = await signIn(t.http, user);
    const laptop = await signIn(t.http, user);
    const tablet = await signIn(t.http, user);

    await request(t.http)
      .post('/api/v1/auth/logout')
      .set(bearer(phone.accessToken))
      .send({ refreshToken: phone.refreshToken })
      .expect(204);
    expect((await refresh(t.http, phone.refreshToken).expect(401)).body.code).toBe('REFRESH_TOKEN_REVOKED');
    // The phone's access token stops at once, not when it expires; the other sign-ins go on.
    const ended = await request(t.http).get('/api/v1/projects').set(bearer(phone.accessToken)).expect(401);
    expect(ended.body.code).toBe('INVALID_TOKEN');
    await request(t.http).get('/api/v1/projects').set(bearer(laptop.accessToken)).expect(200);
    const laptopRenewed = await refresh(t.http, laptop.refreshToken).expect(200);

    // Someone else's refresh token is left alone.
    const stranger = await signIn(t.http, await makeUser(t.dataSource));
    await request(t.http)
      .post('/api/v1/auth/logout')
      .set(bearer(laptopRenewed.body.accessToken))
      .send({ refreshToken: stranger.refreshToken })
      .expect(204);
    await refresh(t.http, stranger.refreshToken).expect(200);
    await request(t.http).get('/api/v1/projects').set(bearer(stranger.accessToken)).expect(200);

    // Without a refresh token, every sign-in of the user ends, with its access tokens.
    await request(t.http).post('/api/v1/auth/logout').set(bearer(tablet.accessToken)).expect(204);
    await refresh(t.http, tablet.refreshToken).expect(401);
    await request(t.http).get('/api/v1/projects').set(bearer(tablet.accessToken)).expect(401);
  });

  it('should end the access tokens of a sign-in whose refresh token was used twice', async () => {
    const user = await makeUser(t.dataSource);
    const session = await signIn(t.http, user);
    const rotated = await refresh(t.http, session.refreshToken).expect(200);
    await refresh(t.http, session.refreshToken).expect(401);
    // The stolen-token alarm ends the whole sign-in, including the access tokens already handed out.
    await request(t.http).get('/api/v1/projects').set(bearer(rotated.body.accessToken)).expect(401);
    await request(t.http).get('/api/v1/projects').set(bearer(session.accessToken)).expect(401);
  });

  it('should refuse an access token that names no sign-in of its user', async () => {
    const user = await makeUser(t.dataSource, { role: 'admin' });
    const other = await signIn(t.http, await makeUser(t.dataSource));
    const jwt = new JwtService({ secret: TEST_JWT_SECRET });
    const iat = Math.floor(TEST_NOW.getTime() / 1000);
    for (const claims of [
      {},
      { sid: randomUUID() },
      { sid: 'not-a-uuid' },
      { sid: new JwtService().decode<{ sid: string }>(other.accessToken).sid },
    ]) {
      const token = await jwt.signAsync({ sub: user.user.id, typ: 'access', iat, ...claims }, { expiresIn: 900 });
      const response = await request(t.http).get('/api/v1/users').set(bearer(token));
      expect({ claims, status: response.status }).toEqual({ claims, status: 401 });
    }
  });

  it('should require a signed-in user to log out', async () => {
    const anonymous = await request(t.http).post('/api/v1/auth/logout').send({}).expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
    const { key } = await makeApiKey(t.dataSource, t.adminUser.id);
    const withKey = await request(t.http).post('/api/v1/auth/logout').set('X-API-Key', key).send({}).expect(403);
    expect(withKey.body.code).toBe('FORBIDDEN');
  });

  it('should tell apart missing, malformed, forged and wrong-kind credentials', async () => {
    const user = await makeUser(t.dataSource);
    const expectCode = async (headers: Record<string, string>, code: string) => {
      const response = await request(t.http).get('/api/v1/projects').set(headers).expect(401);
      expect(response.body.code).toBe(code);
    };
    await expectCode({}, 'UNAUTHENTICATED');
    await expectCode({ Authorization: 'Basic dXNlcjpwYXNz' }, 'INVALID_TOKEN');
    await expectCode(bearer('not.a.jwt'), 'INVALID_TOKEN');

    const now = Math.floor(TEST_NOW.getTime() / 1000);
    const forged = await new JwtService({ secret: 'another-secret-another-secret-0123456789' }).signAsync({
      sub: user.user.id,
      typ: 'access',
      iat: now,
    });
    await expectCode(bearer(forged), 'INVALID_TOKEN');
    const ours = new JwtService({ secret: TEST_JWT_SECRET });
    await expectCode(bearer(await ours.signAsync({ sub: user.user.id, typ: 'refresh', iat: now })), 'INVALID_TOKEN');
    await expectCode(bearer(await ours.signAsync({ sub: 'not-a-uuid', typ: 'access', iat: now })), 'INVALID_TOKEN');
    const unsigned = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ sub: user.user.id, typ: 'access', iat: now }),
    ).toString('base64url')}.`;
    await expectCode(bearer(unsigned), 'INVALID_TOKEN');

    await expectCode(bearer('gpmb_not_a_real_key'), 'INVALID_API_KEY');
    await expectCode({ 'X-API-Key': 'gpmb_not_a_real_key' }, 'INVALID_API_KEY');
    const { key } = await makeApiKey(t.dataSource, t.adminUser.id);
    await request(t.http).get('/api/v1/projects').set('X-API-Key', key).expect(200);
    await request(t.http).get('/api/v1/projects').set(bearer(key)).expect(200);
  });

  it('should let tests and tools start a sign-in without a password', async () => {
    const user = await makeUser(t.dataSource, { role: 'admin' });
    const session = await t.app.get(AuthService).issueTokens(user.user.id);
    await request(t.http).get('/api/v1/users').set(bearer(session.accessToken)).expect(200);
  });

  it('should audit sign-ins, failed attempts and sign-outs, without touching the account version', async () => {
    const user = await makeUser(t.dataSource, { role: 'officer', fullName: 'Đỗ Thị Lan' });
    await login(t.http, user.email, 'wrong password').expect(401);
    const session = await login(t.http, user.email, user.password).expect(200);
    await request(t.http)
      .post('/api/v1/auth/logout')
      .set('Authorization', `Bearer ${session.body.accessToken}`)
      .send({ refreshToken: session.body.refreshToken })
      .expect(204);

    const rows: { action: string; actor_name: string; entity_id: string | null }[] = await t.dataSource.query(
      `SELECT action, actor_name, entity_id FROM audit_log
       WHERE entity = 'User' AND action <> 'create' AND (entity_id = $1 OR actor_name = $2) ORDER BY id`,
      [user.user.id, user.email],
    );
    expect(rows).toEqual([
      { action: 'login_failed', actor_name: user.email, entity_id: null },
      { action: 'login', actor_name: 'Đỗ Thị Lan', entity_id: user.user.id },
      { action: 'logout', actor_name: 'Đỗ Thị Lan', entity_id: user.user.id },
    ]);
    const version: { version: number }[] = await t.dataSource.query('SELECT version FROM users WHERE id = $1', [
      user.user.id,
    ]);
    expect(version[0].version).toBe(1);
  });
});
