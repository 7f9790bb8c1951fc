/**
 * `npm run bench`: the product against a raw node:http + pg server doing the same SQL, on a
 * seeded 100k-household project. A benchmark, not a test: jest never matches these files.
 *
 * 1. a fresh `gpmb_bench` database, migrated by the product's migrations and seeded set-based;
 * 2. a short-lived product with the SQL capture hook: sign in, one request per planned path;
 * 3. a copy of the database for the raw server (`gpmb_bench_raw`), then both servers started;
 * 4. per path: warm-up, then rounds alternating product / raw, RSS sampled, jobs drained;
 * 5. EXPLAIN of the captured SQL, the table on stdout, results/latest.json and RESULTS.md;
 * 6. servers stopped (also on failure or Ctrl-C), the copy dropped, the Redis keys deleted.
 *    `gpmb_bench` stays for inspection; the next run re-creates it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type BenchConfig, databaseUrl, loadBenchConfig, RESULTS_DIR } from './bench-config.js';
import { cloneForRaw, dropRawCopy, productPoolSize, recreateAndMigrate, serverVersion } from './bench-database.js';
import { type BenchPath, type PathContext, selectPaths } from './bench-paths.js';
import { benchImport, type ImportBenchResult } from './import-bench.js';
import { dataQueries, explainAll, sampleRequests, statementsOf } from './plans.js';
import { stopServer, stopServersOnExit } from './processes.js';
import { deleteKeysUnder } from './redis-keys.js';
import { type BenchReport, table, writeReport } from './report.js';
import { benchPath, type PathResult } from './rounds.js';
import { seed, type SeedSummary } from './seed/seed.js';
import { startProduct, startRaw } from './servers.js';
import { signIn } from './sign-in.js';

const log = (message: string) => console.error(`[bench] ${message}`);
const CAPTURE_FILE = join(RESULTS_DIR, 'captured-sql.ndjson');

async function householdIds(db: pg.Pool, projectId: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`SELECT id FROM households WHERE project_id = $1`, [projectId]);
  return rows.map((row) => row.id);
}

/** Signs in on a product started with the capture hook, and sends it one request per planned path. */
async function signInAndCapture(config: BenchConfig, seeded: SeedSummary, paths: BenchPath[], jwtSecret: string) {
  rmSync(CAPTURE_FILE, { force: true });
  const capturing = await startProduct(config, {
    jwtSecret,
    captureSqlTo: CAPTURE_FILE,
    logFile: join(RESULTS_DIR, 'product-capture.log'),
  });
  const db = new pg.Pool({ connectionString: databaseUrl(config, config.database), max: 1 });
  try {
    const context: PathContext = {
      bigProjectId: seeded.bigProjectId,
      householdIds: await householdIds(db, seeded.bigProjectId),
      officerToken: await signIn(capturing.baseUrl, seeded.officer),
      chairToken: await signIn(capturing.baseUrl, seeded.chair),
    };
    const windows = await sampleRequests(capturing.baseUrl, paths, context);
    return { context, windows };
  } finally {
    await db.end();
    await stopServer(capturing);
  }
}

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const paths = selectPaths(config.paths);
  stopServersOnExit();
  mkdirSync(RESULTS_DIR, { recursive: true });
  const prefixes = [config.queuePrefix, `${config.queuePrefix}-raw`];
  await deleteKeysUnder(config.redisUrl, prefixes);
  try {
    await run(config, paths);
  } finally {
    await dropRawCopy(config);
    await deleteKeysUnder(config.redisUrl, prefixes);
  }
}

async function run(config: BenchConfig, paths: BenchPath[]): Promise<void> {
  const startedAt = new Date();
  log(`seeding ${config.database} (${config.households} households)…`);
  await recreateAndMigrate(config);
  const seeded = await seed(databaseUrl(config, config.database), config.households, config.smallProjectHouseholds);
  log(`seeded in ${seeded.seconds.toFixed(1)} s: ${JSON.stringify(seeded.counts)}`);

  const jwtSecret = randomBytes(32).toString('hex');
  const { context, windows } = await signInAndCapture(config, seeded, paths, jwtSecret);
  // Copied after the sign-ins, so the raw server finds the same live sessions.
  await cloneForRaw(config);
  const poolSize = await productPoolSize(config);
  const productDb = new pg.Pool({ connectionString: databaseUrl(config, config.database), max: 2 });
  try {
    const { results, importRun } = await measure(config, paths, context, { productDb, jwtSecret, poolSize });
    const explained = new Set(paths.filter((path) => path.explain).map((path) => path.id));
    const plans = await explainAll(
      productDb,
      dataQueries(
        CAPTURE_FILE,
        windows.filter((window) => explained.has(window.pathId)),
      ),
    );
    const { officer: _officer, chair: _chair, ...seedReport } = seeded;
    const report: BenchReport = {
      startedAt: startedAt.toISOString(),
      machine: {
        cpus: availableParallelism(),
        node: process.version,
        postgres: await serverVersion(productDb),
        platform: `${process.platform} ${process.arch}`,
      },
      settings: {
        seconds: config.seconds,
        rounds: config.rounds,
        warmupSeconds: config.warmupSeconds,
        connections: config.connections,
        logLevel: config.logLevel,
        authCacheSeconds: config.authCacheSeconds,
        households: config.households,
        poolSize,
      },
      seed: seedReport,
      paths: results,
      importRun,
      plans,
      statements: statementsOf(CAPTURE_FILE, windows),
      totalSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
    };
    const written = writeReport(report);
    console.log(`\n${table(results)}\n`);
    log(`done in ${report.totalSeconds} s; wrote ${written.markdown} and ${written.json}`);
  } finally {
    await productDb.end();
  }
}

/** Both servers up for the whole measurement, every path in turn. */
async function measure(
  config: BenchConfig,
  paths: BenchPath[],
  context: PathContext,
  options: { productDb: pg.Pool; jwtSecret: string; poolSize: number },
): Promise<{ results: PathResult[]; importRun: ImportBenchResult | null }> {
  const product = await startProduct(config, {
    jwtSecret: options.jwtSecret,
    logFile: join(RESULTS_DIR, 'product.log'),
  });
  const raw = await startRaw(config, options.jwtSecret, options.poolSize).catch(async (error: unknown) => {
    await stopServer(product);
    throw error;
  });
  try {
    const results: PathResult[] = [];
    for (const path of paths) {
      log(`${path.id}: ${path.title}`);
      results.push(await benchPath(config, path, context, { product, raw, productDb: options.productDb }));
    }
    // Last: it adds 100,000 households to the big project.
    if (!config.importRows) return { results, importRun: null };
    log(`import: ${config.importRows} rows through POST /projects/:id/imports…`);
    const importRun = await benchImport(product.baseUrl, context.chairToken, context.bigProjectId, config.importRows);
    log(`import: ${importRun.status} in ${importRun.seconds} s (${importRun.rowsPerSecond} rows/s)`);
    return { results, importRun };
  } finally {
    await Promise.all([stopServer(product), stopServer(raw)]);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  // The exit handler stops any server still running.
  process.exit(1);
});
