import pg from 'pg';
import { DataSource } from 'typeorm';
import { type BenchConfig, databaseUrl } from './bench-config.js';
import { productDatabases, productDataSource } from './product-modules.js';

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A client of the server's maintenance database, for CREATE and DROP DATABASE. */
async function withMaintenance<T>(config: BenchConfig, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(config, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Drops and re-creates the product's database, then applies the product's own migrations (the
 * compiled list the app runs at start-up). Every run starts from the same data: the POST rounds
 * add visits and move statuses, so a database kept between runs would drift.
 */
export async function recreateAndMigrate(config: BenchConfig): Promise<void> {
  const url = databaseUrl(config, config.database);
  const { dropDatabase, ensureDatabase } = await productDatabases();
  await dropDatabase(url);
  await ensureDatabase(url);
  const { dataSourceOptions } = await productDataSource();
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
}

/** The product's pool size, so the raw server opens exactly as many connections. */
export async function productPoolSize(config: BenchConfig): Promise<number> {
  const { dataSourceOptions } = await productDataSource();
  return dataSourceOptions(databaseUrl(config, config.database)).extra?.max ?? 10;
}

/**
 * The raw server gets its own copy of the seeded database: it writes the same outbox rows as the
 * product, and in the product's database the product's relay would publish and run them, charging
 * the raw server's jobs to the product. Needs the source database idle (no connections).
 */
export async function cloneForRaw(config: BenchConfig): Promise<void> {
  await withMaintenance(config, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${quoted(config.rawDatabase)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoted(config.rawDatabase)} TEMPLATE ${quoted(config.database)}`);
  });
}

export async function dropRawCopy(config: BenchConfig): Promise<void> {
  await withMaintenance(config, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoted(config.rawDatabase)} WITH (FORCE)`),
  );
}

/** Jobs the product committed to its outbox and has not finished yet (relayed or not). */
export async function unfinishedJobs(db: pg.Pool): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM job_outbox WHERE completed_at IS NULL AND failed_at IS NULL`,
  );
  return rows[0].n;
}

export async function serverVersion(db: pg.Pool): Promise<string> {
  const { rows } = await db.query<{ v: string }>(`SELECT current_setting('server_version') AS v`);
  return rows[0].v;
}
