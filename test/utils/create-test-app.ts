import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap.js';
import { ManualClock } from '../../src/common/clock/clock.js';
import { loadConfig } from '../../src/config/app-config.js';
import { createTestDatabase, dropDatabase } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  /** The HTTP server to hand to supertest. */
  http: ReturnType<NestFastifyApplication['getHttpServer']>;
  dataSource: DataSource;
  clock: ManualClock;
  close(): Promise<void>;
}

/** The default "now" of tests: a Tuesday morning in Hanoi. */
export const TEST_NOW = new Date('2026-03-10T02:00:00Z');

/**
 * Boots the real application (same wiring as production) on its own throwaway database, with a
 * clock the test can move. Nothing is mocked.
 */
export async function createTestApp(options: { now?: Date } = {}): Promise<TestApp> {
  const url = await createTestDatabase();
  const config = { ...loadConfig({}), env: 'test' as const, databaseUrl: url, logLevel: 'silent', seedDemo: false };
  const clock = new ManualClock(options.now ?? TEST_NOW, config.timeZone);
  const app = await createApp(config, { clock });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const dataSource = app.get(DataSource);
  return {
    app,
    http: app.getHttpServer(),
    dataSource,
    clock,
    async close() {
      await app.close();
      await dropDatabase(url);
    },
  };
}
