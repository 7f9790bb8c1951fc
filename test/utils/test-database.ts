import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../src/database/data-source.js';
import { dropDatabase, ensureDatabase } from '../../src/database/ensure-database.js';

/**
 * Tests never touch the development database. A template database is migrated once per version of
 * `migrations/` (its name carries a hash of their text); each test file clones it, which is a file
 * copy and far faster than migrating again, so files are isolated and can run in parallel.
 */
const SERVER_URL = process.env.TEST_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TEMPLATE_PREFIX = 'gpmb_test_template_';
const TEMPLATE_LOCK = 4_217_001;

export function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

function migrationsHash(): string {
  const dir = fileURLToPath(new URL('../../migrations/', import.meta.url));
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(file).update(readFileSync(dir + file));
  return hash.digest('hex').slice(0, 12);
}

async function withServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: SERVER_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function migrate(url: string): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** Makes sure the template for the current migrations exists; parallel workers wait on a lock. */
async function ensureTemplate(): Promise<string> {
  const name = TEMPLATE_PREFIX + migrationsHash();
  await withServer(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [TEMPLATE_LOCK]);
    try {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) return;
      const stale = await client.query(`SELECT datname FROM pg_database WHERE datname LIKE '${TEMPLATE_PREFIX}%'`);
      for (const row of stale.rows as { datname: string }[]) await dropDatabase(databaseUrl(row.datname));
      const building = `${name}_building`;
      await dropDatabase(databaseUrl(building));
      await ensureDatabase(databaseUrl(building));
      await migrate(databaseUrl(building));
      // Renamed only once complete, so a crash mid-migration never leaves a half-built template.
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [TEMPLATE_LOCK]);
    }
  });
  return name;
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<string> {
  const template = await ensureTemplate();
  const name = `gpmb_test_${randomBytes(6).toString('hex')}`;
  await withServer(async (client) => {
    // Cloning needs the template to have no other sessions; retry briefly if a sibling is cloning too.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt >= 100) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  });
  return databaseUrl(name);
}

export { dropDatabase };
