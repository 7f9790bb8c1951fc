import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { AuthService } from '../../src/modules/auth/auth.service.js';
import { AdminBootstrap } from '../../src/modules/users/admin-bootstrap.js';
import { UsersController } from '../../src/modules/users/users.controller.js';
import { UsersService } from '../../src/modules/users/users.service.js';
import { makeUnit } from '../factories/factories.js';
import { leaksSecrets, login, makeUser, refresh, signIn, uniqueEmail } from '../factories/user-factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

const PASSWORD = 'Mật khẩu mới 2026!';

describe(UsersController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should create an account that can sign in, and never show its password', async () => {
    const ward = await makeUnit(t.dataSource);
    const email = uniqueEmail('Chair').toUpperCase();
    const response = await t.admin
      .post('/api/v1/users')
      .send({
        email: `  ${email} `,
        password: PASSWORD,
        fullName: ' Lê Thị Thu Hà ',
        role: 'chair',
        administrativeUnitIds: [ward.id],
      })
      .expect(201);

    expect(response.body).toEqual({
      id: expect.any(String),
      email: email.toLowerCase(),
      fullName: 'Lê Thị Thu Hà',
      role: 'chair',
      active: true,
      administrativeUnitIds: [ward.id],
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: null,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(leaksSecrets(response.body, PASSWORD)).toBe(false);
    const [row]: { password_hash: string }[] = await t.dataSource.query(
      'SELECT password_hash FROM users WHERE id = $1',
      [response.body.id],
    );
    expect(row.password_hash).toMatch(/^\$argon2id\$/);

    const session = await login(t.http, email, PASSWORD).expect(200);
    expect(session.body.user).toEqual({
      id: response.body.id,
      email: email.toLowerCase(),
      fullName: 'Lê Thị Thu Hà',
      role: 'chair',
      administrativeUnitIds: [ward.id],
    });
  });

  it('should refuse invalid accounts with a field map', async () => {
    const invalid = await t.admin
      .post('/api/v1/users')
      .send({
        email: 'not-an-email',
        password: 'short',
        fullName: '',
        role: 'mayor',
        administrativeUnitIds: ['not-a-uuid'],
        passwordHash: '$argon2id$forged',
      })
      .expect(400);
    expect(Object.keys(invalid.body.details.fields).sort()).toEqual(
      ['administrativeUnitIds', 'email', 'fullName', 'password', 'passwordHash', 'role'].sort(),
    );

    const missing = '00000000-0000-4000-8000-000000000000';
    const unknownUnit = await t.admin
      .post('/api/v1/users')
      .send({
        email: uniqueEmail(),
        password: PASSWORD,
        fullName: 'A',
        role: 'officer',
        administrativeUnitIds: [missing],
      })
      .expect(400);
    expect(unknownUnit.body.details.fields.administrativeUnitIds[0]).toContain(missing);
    expect(leaksSecrets(unknownUnit.body, PASSWORD)).toBe(false);
  });

  it.each([
    ['a repeated letter', () => 'aaaaaaaaaa'],
    ['a common password', () => 'password123'],
    ["the account's own email", (email: string) => email.split('@')[0]],
    ["the account's own name", () => 'Lê Thị Thu Hà'],
  ])('should refuse a password too easy to guess (%s), and create nothing', async (_, passwordFor) => {
    const email = uniqueEmail('thu.ha');
    const password = passwordFor(email);
    const response = await t.admin
      .post('/api/v1/users')
      .send({ email, password, fullName: 'Lê Thị Thu Hà', role: 'officer', administrativeUnitIds: [] })
      .expect(400);

    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(Object.keys(response.body.details.fields)).toEqual(['password']);
    expect(response.body.details.fields.password).toEqual([
      expect.stringMatching(/^password is too easy to guess \(strength [0-2] of 4, at least 3 needed\)\. \S/),
    ]);
    // The field map names `password`, which leaksSecrets would flag; the password itself must not show.
    expect(JSON.stringify(response.body)).not.toContain(password);
    const stored: unknown[] = await t.dataSource.query('SELECT 1 FROM users WHERE email = $1', [email]);
    expect(stored).toEqual([]);
  });

  it("should tell why a password is weak, with zxcvbn's suggestion", async () => {
    const response = await t.admin
      .post('/api/v1/users')
      .send({ email: uniqueEmail(), password: 'aaaaaaaaaa', fullName: 'A', role: 'officer', administrativeUnitIds: [] })
      .expect(400);
    expect(response.body.details.fields.password[0]).toBe(
      'password is too easy to guess (strength 0 of 4, at least 3 needed). ' +
        'Repeated characters like "aaa" are easy to guess. ' +
        'Add more words that are less common. Avoid repeated words and characters.',
    );
  });

  it('should refuse a second account with the same email in any case', async () => {
    const existing = await makeUser(t.dataSource);
    const response = await t.admin
      .post('/api/v1/users')
      .send({
        email: existing.email.toUpperCase(),
        password: PASSWORD,
        fullName: 'Bản sao',
        role: 'officer',
        administrativeUnitIds: [],
      })
      .expect(409);
    expect(response.body).toMatchObject({ code: 'USER_EMAIL_TAKEN', details: { email: existing.email } });
  });

  it('should list accounts by role, state and name without diacritics', async () => {
    const marker = randomBytes(4).toString('hex');
    const tran = await makeUser(t.dataSource, { role: 'supervisor', fullName: `Trần Thị Ánh ${marker}` });
    const dang = await makeUser(t.dataSource, {
      role: 'supervisor',
      fullName: `Đặng Văn Bình ${marker}`,
      active: false,
    });
    await makeUser(t.dataSource, { role: 'officer', fullName: `Trần Văn Cường ${marker}` });

    const withoutMarks = await t.admin.get('/api/v1/users').query({ q: 'TRAN THI ANH' }).expect(200);
    expect(withoutMarks.body.items.map((u: { id: string }) => u.id)).toEqual([tran.user.id]);
    const dStroke = await t.admin.get('/api/v1/users').query({ q: 'dang van binh' }).expect(200);
    expect(dStroke.body.items.map((u: { id: string }) => u.id)).toEqual([dang.user.id]);

    const supervisors = await t.admin.get('/api/v1/users').query({ q: marker, role: 'supervisor' }).expect(200);
    expect(supervisors.body.items.map((u: { id: string }) => u.id).sort()).toEqual([tran.user.id, dang.user.id].sort());
    const inactive = await t.admin.get('/api/v1/users').query({ q: marker, active: 'false' }).expect(200);
    expect(inactive.body.items.map((u: { id: string }) => u.id)).toEqual([dang.user.id]);
    const byEmail = await t.admin.get('/api/v1/users').query({ q: tran.email.toUpperCase() }).expect(200);
    expect(byEmail.body.items.map((u: { id: string }) => u.id)).toEqual([tran.user.id]);

    const page = await t.admin.get('/api/v1/users').query({ q: marker, limit: 1, offset: 1 }).expect(200);
    expect(page.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.items).toHaveLength(1);
    expect(leaksSecrets(page.body)).toBe(false);

    await t.admin.get('/api/v1/users').query({ role: 'mayor', active: 'maybe' }).expect(400);
  });

  it('should read one account with its ETag', async () => {
    const ward = await makeUnit(t.dataSource);
    const user = await makeUser(t.dataSource, { administrativeUnitIds: [ward.id] });
    const response = await t.admin.get(`/api/v1/users/${user.user.id}`).expect(200);
    expect(response.headers.etag).toBe('W/"1"');
    expect(response.body).toMatchObject({ id: user.user.id, email: user.email, administrativeUnitIds: [ward.id] });
    expect(leaksSecrets(response.body, user.password)).toBe(false);

    const missing = await t.admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000').expect(404);
    expect(missing.body.code).toBe('USER_NOT_FOUND');
    await t.admin.get('/api/v1/users/not-a-uuid').expect(400);
  });

  it('should change an account against the version it was read at', async () => {
    const [wardA, wardB] = [await makeUnit(t.dataSource), await makeUnit(t.dataSource)];
    const user = await makeUser(t.dataSource, { role: 'officer', administrativeUnitIds: [wardA.id] });
    const { headers } = await t.admin.get(`/api/v1/users/${user.user.id}`).expect(200);

    const changed = await t.admin
      .patch(`/api/v1/users/${user.user.id}`)
      .set('If-Match', headers.etag)
      .send({ fullName: 'Phạm Minh Châu', role: 'chair', administrativeUnitIds: [wardB.id] })
      .expect(200);
    expect(changed.headers.etag).toBe('W/"2"');
    expect(changed.body).toMatchObject({
      fullName: 'Phạm Minh Châu',
      role: 'chair',
      administrativeUnitIds: [wardB.id],
      version: 2,
    });

    const stale = await t.admin
      .patch(`/api/v1/users/${user.user.id}`)
      .set('If-Match', headers.etag)
      .send({ fullName: 'Cũ' })
      .expect(412);
    expect(stale.body.code).toBe('STALE_VERSION');
    await t.admin.patch(`/api/v1/users/${user.user.id}`).send({ fullName: 'Cũ', version: 1 }).expect(409);

    const invalid = await t.admin
      .patch(`/api/v1/users/${user.user.id}`)
      .send({ fullName: null, role: 'mayor', active: 'no', password: 'short', email: 'x@y.vn' })
      .expect(400);
    expect(Object.keys(invalid.body.details.fields).sort()).toEqual([
      'active',
      'email',
      'fullName',
      'password',
      'role',
    ]);
    await t.admin.patch('/api/v1/users/00000000-0000-4000-8000-000000000000').send({ fullName: 'X' }).expect(404);

    const session = await login(t.http, user.email, user.password).expect(200);
    expect(session.body.user).toMatchObject({ role: 'chair', administrativeUnitIds: [wardB.id] });
  });

  it('should deactivate an account without deleting it, ending its sessions', async () => {
    const user = await makeUser(t.dataSource);
    const tokens = await signIn(t.http, user);

    const response = await t.admin.patch(`/api/v1/users/${user.user.id}`).send({ active: false }).expect(200);
    expect(response.body).toMatchObject({ active: false, version: 2 });
    const revoked: { revoked_at: Date | null }[] = await t.dataSource.query(
      'SELECT revoked_at FROM refresh_tokens WHERE user_id = $1',
      [user.user.id],
    );
    expect(revoked.map((row) => row.revoked_at)).toEqual([expect.any(Date)]);
    await refresh(t.http, tokens.refreshToken).expect(401);
    await login(t.http, user.email, user.password).expect(401);
    await t.admin.get(`/api/v1/users/${user.user.id}`).expect(200);

    await t.admin.patch(`/api/v1/users/${user.user.id}`).send({ active: true }).expect(200);
    await login(t.http, user.email, user.password).expect(200);
  });

  it('should reset a password, lifting a lock-out and ending the old sessions', async () => {
    const user = await makeUser(t.dataSource, { lockedUntil: new Date('2030-01-01T00:00:00Z'), failedLogins: 5 });
    const locked = await login(t.http, user.email, user.password).expect(401);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    // A session from before the lock, as a stolen password would have opened.
    const { refreshToken } = await t.app.get(AuthService).issueTokens(user.user.id);

    const response = await t.admin.patch(`/api/v1/users/${user.user.id}`).send({ password: PASSWORD }).expect(200);
    expect(response.body).toMatchObject({ failedLogins: 0, lockedUntil: null });
    expect(leaksSecrets(response.body, PASSWORD)).toBe(false);
    expect((await refresh(t.http, refreshToken).expect(401)).body.code).toBe('REFRESH_TOKEN_REVOKED');

    await login(t.http, user.email, user.password).expect(401);
    await login(t.http, user.email, PASSWORD).expect(200);
  });

  it('should refuse to reset a password to one too easy to guess, and keep the old one', async () => {
    const user = await makeUser(t.dataSource, { fullName: 'Hoàng Văn Thái' });
    for (const weak of ['password123', 'qwertyuiop', user.email.split('@')[0], 'hoangvanthai']) {
      const response = await t.admin.patch(`/api/v1/users/${user.user.id}`).send({ password: weak }).expect(400);
      expect(response.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: { fields: { password: [expect.stringContaining('password is too easy to guess')] } },
      });
      expect(JSON.stringify(response.body)).not.toContain(weak);
    }
    // A name given in the same change counts too.
    await t.admin
      .patch(`/api/v1/users/${user.user.id}`)
      .send({ fullName: 'Đinh Quang Vũ', password: 'dinhquangvu' })
      .expect(400);

    const unchanged = await t.admin.get(`/api/v1/users/${user.user.id}`).expect(200);
    expect(unchanged.body).toMatchObject({ fullName: 'Hoàng Văn Thái', version: 1 });
    await login(t.http, user.email, user.password).expect(200);
    await t.admin
      .patch('/api/v1/users/00000000-0000-4000-8000-000000000000')
      .send({ password: 'aaaaaaaaaa' })
      .expect(404);
  });

  it('should keep at least one active admin', async () => {
    const solo = await createTestApp();
    try {
      const self = `/api/v1/users/${solo.adminUser.id}`;
      const demoted = await solo.admin.patch(self).send({ role: 'chair' }).expect(422);
      expect(demoted.body.code).toBe('LAST_ACTIVE_ADMIN');
      await solo.admin.patch(self).send({ active: false }).expect(422);
      await solo.admin.patch(self).send({ fullName: 'Vẫn là quản trị' }).expect(200);

      const second = await makeUser(solo.dataSource, { role: 'admin' });
      await solo.admin.patch(`/api/v1/users/${second.user.id}`).send({ active: false }).expect(200);
      await solo.admin.patch(self).send({ role: 'chair' }).expect(422);
    } finally {
      await solo.close();
    }
  });

  it('should create the configured first admin once, however many processes start', async () => {
    const fresh = await createTestApp();
    try {
      const users = fresh.app.get(UsersService);
      const account = { email: uniqueEmail('Admin').toUpperCase(), password: 'Quản trị ban đầu 2026' };
      expect(await users.ensureAdmin(account)).toBe('admin_exists');

      await fresh.dataSource.query(`UPDATE users SET active = false WHERE role = 'admin'`);
      const outcomes = await Promise.all([
        users.ensureAdmin(account),
        users.ensureAdmin(account),
        users.ensureAdmin(account),
      ]);
      expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(1);
      const admins: { email: string }[] = await fresh.dataSource.query(
        `SELECT email FROM users WHERE role = 'admin' AND active`,
      );
      expect(admins).toEqual([{ email: account.email.toLowerCase() }]);
      await login(fresh.http, account.email, account.password).expect(200);
      expect(await users.ensureAdmin(account)).toBe('admin_exists');
    } finally {
      await fresh.close();
    }
  });

  it('should stop the start-up when ADMIN_PASSWORD is too easy to guess, naming it', async () => {
    const fresh = await createTestApp();
    try {
      await fresh.dataSource.query(`UPDATE users SET active = false WHERE role = 'admin'`);
      const email = uniqueEmail('admin');
      const bootstrap = new AdminBootstrap(fresh.app.get(UsersService), {
        ...fresh.config,
        bootstrapAdmin: { email, password: 'admin12345' },
      });

      await expect(bootstrap.onApplicationBootstrap()).rejects.toThrow(
        /^ADMIN_PASSWORD is too weak .*too easy to guess/,
      );
      const created: unknown[] = await fresh.dataSource.query('SELECT 1 FROM users WHERE email = $1', [email]);
      expect(created).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('should let only admins manage accounts', async () => {
    const ward = await makeUnit(t.dataSource);
    for (const role of ['chair', 'officer', 'supervisor'] as const) {
      const user = await t.as(role, [ward.id]);
      const refused = await user.api.get('/api/v1/users').expect(403);
      expect(refused.body.code).toBe('FORBIDDEN');
      await user.api
        .post('/api/v1/users')
        .send({ email: uniqueEmail(), password: PASSWORD, fullName: 'X', role: 'admin', administrativeUnitIds: [] })
        .expect(403);
      await user.api.patch(`/api/v1/users/${user.id}`).send({ role: 'admin' }).expect(403);
    }
    const anonymous = await request(t.http).get('/api/v1/users').expect(401);
    expect(anonymous.body.code).toBe('UNAUTHENTICATED');
  });
});
