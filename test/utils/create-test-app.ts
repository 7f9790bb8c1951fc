import { JwtService } from '@nestjs/jwt';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { AppModuleOptions } from '../../src/app.module.js';
import { createApp } from '../../src/bootstrap.js';
import { ManualClock } from '../../src/common/clock/clock.js';
import { type AppConfig, loadConfig } from '../../src/config/app-config.js';
import { TransactionHost } from '../../src/database/transaction-host.js';
import type { Role } from '../../src/modules/access/domain/roles.js';
import { createTestDatabase, dropDatabase } from './test-database.js';
import { TestJobs } from './test-jobs.js';

export type Agent = ReturnType<typeof request.agent>;

export interface TestUser {
  id: string;
  email: string;
  fullName: string;
  role: Role;
  administrativeUnitIds: string[];
  token: string;
  /** A supertest agent that sends this user's access token with every request. */
  api: Agent;
}

export interface TestApp {
  app: NestFastifyApplication;
  /** The HTTP server to hand to supertest, for unauthenticated requests. */
  http: ReturnType<NestFastifyApplication['getHttpServer']>;
  dataSource: DataSource;
  /** The app's ambient transaction, for tests that call services inside one. */
  tx: TransactionHost;
  clock: ManualClock;
  config: AppConfig;
  /** An administrator (sees every ward) for tests that are not about access. */
  admin: Agent;
  adminUser: TestUser;
  /** Creates a user with a role and administrative units, signed in. */
  as(role: Role, administrativeUnitIds?: string[], fullName?: string): Promise<TestUser>;
  /** Jobs: run one through Redis and wait for it, or wait until everything enqueued so far is done. */
  jobs: TestJobs;
  close(): Promise<void>;
}

/** The default "now" of tests: a Tuesday morning in Hanoi. */
export const TEST_NOW = new Date('2026-03-10T02:00:00Z');
export const TEST_JWT_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/**
 * Boots the real application (same wiring as production) on its own throwaway database, with a
 * clock the test can move. Nothing is mocked; users are inserted directly and given real tokens.
 */
export async function createTestApp(
  options: {
    now?: Date;
    config?: Partial<AppConfig>;
    worker?: boolean;
    /**
     * Share another app's database and queues (its `config.databaseUrl` and `config.jobs.queuePrefix`),
     * e.g. to start a worker for jobs an API-only app enqueued. The app that made them cleans them up.
     */
    shareWith?: TestApp;
    /** Extra Nest modules, e.g. a subscriber of the test's own. */
    imports?: AppModuleOptions['imports'];
    /** Job settings over the tests' own (e.g. `schedule: true`, or another app's `queuePrefix`). */
    jobs?: Partial<AppConfig['jobs']>;
  } = {},
): Promise<TestApp> {
  const owner = options.shareWith;
  const url = owner ? owner.config.databaseUrl : await createTestDatabase();
  const defaults = loadConfig({});
  const config: AppConfig = {
    ...defaults,
    env: 'test',
    databaseUrl: url,
    logLevel: 'silent',
    seedDemo: false,
    writeRateLimitPerMinute: 1_000_000,
    authFailureRateLimitPerMinute: 1_000_000,
    // The tests' webhook receivers listen on 127.0.0.1.
    webhooks: { allowPrivateTargets: true },
    ...options.config,
    // Evidence files of its own, removed with the app; the same directory as the app it shares a database with.
    evidence:
      options.config?.evidence ??
      (owner
        ? owner.config.evidence
        : { ...defaults.evidence, storage: { kind: 'local', dir: mkdtempSync(join(tmpdir(), 'gpmb-evidence-')) } }),
    // Queues of their own per test file, so files running in parallel never take each other's jobs.
    jobs: {
      queuePrefix: owner ? owner.config.jobs.queuePrefix : `gpmbtest-${randomBytes(4).toString('hex')}`,
      runWorkerInApi: false,
      outboxPollMs: 50,
      schedule: false,
      // Only while job handlers are being written in parallel; CI never sets it.
      requireAllHandlers: process.env.GPMB_TEST_PARTIAL_HANDLERS !== '1',
      ...options.jobs,
    },
    // Tests change accounts straight in the database; the cache is tested on its own (auth-cache).
    auth: { ...defaults.auth, cacheSeconds: 0, ...options.config?.auth, jwtSecret: TEST_JWT_SECRET },
  };
  const clock = new ManualClock(options.now ?? TEST_NOW, config.timeZone);
  const app = await createApp(config, { clock, worker: options.worker ?? false, imports: options.imports });
  try {
    await app.init();
  } catch (error) {
    // A boot the test expects to fail leaves nothing behind.
    await app.close().catch(() => undefined);
    if (!owner) await dropDatabase(url);
    throw error;
  }
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  const http = app.getHttpServer();
  const jwt = new JwtService({ secret: TEST_JWT_SECRET });

  async function as(role: Role, administrativeUnitIds: string[] = [], fullName = `Cán bộ ${role}`): Promise<TestUser> {
    const email = `${role}-${randomBytes(4).toString('hex')}@test.gpmb.vn`;
    const rows: { id: string }[] = await dataSource.query(
      `INSERT INTO users (email, full_name, password_hash, role) VALUES ($1, $2, 'not-a-login-account', $3) RETURNING id`,
      [email, fullName, role],
    );
    const id = rows[0].id;
    for (const unitId of administrativeUnitIds) {
      await dataSource.query(
        `INSERT INTO user_administrative_units (user_id, administrative_unit_id) VALUES ($1, $2)`,
        [id, unitId],
      );
    }
    // A sign-in of its own (access tokens live as long as their session), and a token issued at the
    // test clock's now and long-lived, so tests may move the clock freely.
    const sessionId = randomUUID();
    await dataSource.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at) VALUES ($1, $2, $3, $4)`,
      [id, sessionId, randomBytes(32).toString('hex'), new Date(Date.UTC(2100, 0, 1))],
    );
    const token = await jwt.signAsync(
      { sub: id, typ: 'access', sid: sessionId, iat: Math.floor(clock.now().getTime() / 1000) },
      { expiresIn: '3650d' },
    );
    const api = request.agent(http).set('Authorization', `Bearer ${token}`);
    return { id, email, fullName, role, administrativeUnitIds, token, api };
  }

  const adminUser = await as('admin', [], 'Quản trị viên');
  const jobs = new TestJobs(app, config);
  return {
    app,
    http,
    dataSource,
    tx: app.get(TransactionHost),
    clock,
    config,
    admin: adminUser.api,
    adminUser,
    as,
    jobs,
    async close() {
      await app.close();
      if (owner) {
        await jobs.closeEvents();
        return;
      }
      await jobs.obliterate();
      await dropDatabase(url);
      const { storage } = config.evidence;
      if (storage.kind === 'local' && !options.config?.evidence)
        await rm(storage.dir, { recursive: true, force: true });
    },
  };
}
