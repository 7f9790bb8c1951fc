import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { Role } from '../../src/modules/access/domain/roles.js';
import { hashPassword } from '../../src/modules/users/passwords.js';
import { UserAdministrativeUnit } from '../../src/modules/users/user-administrative-unit.entity.js';
import { User } from '../../src/modules/users/user.entity.js';

/** Long enough for the policy, with Vietnamese letters so normalisation is exercised on the way. */
export const DEFAULT_PASSWORD = 'Mật khẩu đủ dài 2026';

export interface MadeUser {
  user: User;
  email: string;
  password: string;
  administrativeUnitIds: string[];
}

export const uniqueEmail = (prefix = 'user'): string => `${prefix}-${randomBytes(4).toString('hex')}@test.gpmb.vn`;

/** An account that can sign in with `password`, written straight to the database through the entities. */
export async function makeUser(
  ds: DataSource,
  overrides: Partial<Pick<User, 'email' | 'fullName' | 'active' | 'failedLogins' | 'lockedUntil'>> & {
    role?: Role;
    administrativeUnitIds?: string[];
    password?: string;
  } = {},
): Promise<MadeUser> {
  const { administrativeUnitIds = [], password = DEFAULT_PASSWORD, role = 'officer', ...fields } = overrides;
  const repo = ds.getRepository(User);
  const user = await repo.save(
    repo.create({
      email: uniqueEmail(role),
      fullName: 'Nguyễn Thị Hoa',
      role,
      passwordHash: await hashPassword(password),
      ...fields,
    }),
  );
  if (administrativeUnitIds.length) {
    await ds
      .getRepository(UserAdministrativeUnit)
      .insert(administrativeUnitIds.map((administrativeUnitId) => ({ userId: user.id, administrativeUnitId })));
  }
  return { user, email: user.email, password, administrativeUnitIds };
}

type HttpServer = Parameters<typeof request>[0];

export function login(http: HttpServer, email: string, password: string): request.Test {
  return request(http).post('/api/v1/auth/login').send({ email, password });
}

export function refresh(http: HttpServer, refreshToken: string): request.Test {
  return request(http).post('/api/v1/auth/refresh').send({ refreshToken });
}

/** Signs in through the API and returns the token pair. */
export async function signIn(
  http: HttpServer,
  made: Pick<MadeUser, 'email' | 'password'>,
): Promise<{ accessToken: string; refreshToken: string }> {
  const response = await login(http, made.email, made.password).expect(200);
  return { accessToken: response.body.accessToken, refreshToken: response.body.refreshToken };
}

/** True when any key or value anywhere in `body` looks like a password or its hash. */
export function leaksSecrets(body: unknown, password?: string): boolean {
  const text = JSON.stringify(body);
  return (
    /"password(Hash)?"|"password_hash"|\$argon2/i.test(text) || (password !== undefined && text.includes(password))
  );
}
