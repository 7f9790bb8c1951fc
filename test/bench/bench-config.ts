import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the bench's sources live (test/bench), whether run from there or compiled into dist/bench. */
export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../test/bench');
export const ROOT_DIR = join(BENCH_DIR, '../..');
export const RESULTS_DIR = join(BENCH_DIR, 'results');
/** The compiled bench (dist/bench), where the raw server and the SQL capture hook are. */
export const DIST_BENCH_DIR = dirname(fileURLToPath(import.meta.url));

export interface BenchConfig {
  /** Seconds of one measured round. */
  seconds: number;
  /** Measured rounds per server and path, interleaved product, raw, product, raw … */
  rounds: number;
  warmupSeconds: number;
  connections: number;
  /** Rows of the household import timed after the paths (BENCH_IMPORT_ROWS; 0 skips it). */
  importRows: number;
  /** Ids of the paths to run (BENCH_PATHS), or every path. */
  paths: string[] | undefined;
  /** A PostgreSQL server URL without a database name. */
  serverUrl: string;
  redisUrl: string;
  /** The product's database, dropped and re-created (then seeded) by every run, left afterwards. */
  database: string;
  /** The raw server's copy of it, made once seeded and dropped at the end. */
  rawDatabase: string;
  /** The product's queue prefix in Redis; its keys are deleted before and after a run. */
  queuePrefix: string;
  households: number;
  smallProjectHouseholds: number;
  /** What the product logs; `info` is the production default (one line per request). */
  logLevel: string;
  /** AUTH_CACHE_SECONDS of both servers (the product's default); 0 reads the account on every request. */
  authCacheSeconds: number;
  /** BENCH_CPU_PROFILE: a directory where the product writes a V8 CPU profile (`--cpu-prof`) as it stops. */
  cpuProfileDir: string | undefined;
  /** How long to wait after a product round for its background jobs to finish before the next round. */
  drainTimeoutSeconds: number;
}

function positive(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, not "${raw}"`);
  return value;
}

export function loadBenchConfig(): BenchConfig {
  const paths = process.env.BENCH_PATHS?.split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return {
    seconds: positive('BENCH_SECONDS', 5),
    rounds: Math.max(1, Math.round(positive('BENCH_ROUNDS', 3))),
    warmupSeconds: positive('BENCH_WARMUP_SECONDS', 2),
    connections: Math.max(1, Math.round(positive('BENCH_CONNECTIONS', 32))),
    paths: paths && paths.length > 0 ? paths : undefined,
    serverUrl:
      process.env.BENCH_DATABASE_SERVER_URL ??
      process.env.TEST_DATABASE_SERVER_URL ??
      'postgres://postgres@127.0.0.1:5432',
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    database: 'gpmb_bench',
    rawDatabase: 'gpmb_bench_raw',
    queuePrefix: 'gpmb-bench',
    households: Math.round(positive('BENCH_HOUSEHOLDS', 100_000)),
    smallProjectHouseholds: 300,
    logLevel: process.env.BENCH_LOG_LEVEL ?? 'info',
    authCacheSeconds: positive('BENCH_AUTH_CACHE_SECONDS', 5),
    drainTimeoutSeconds: positive('BENCH_DRAIN_TIMEOUT_SECONDS', 30),
    importRows: Math.round(positive('BENCH_IMPORT_ROWS', 100_000)),
    cpuProfileDir: process.env.BENCH_CPU_PROFILE || undefined,
  };
}

/** `postgres://…/<name>` on the configured server. */
export function databaseUrl(config: BenchConfig, name: string): string {
  const url = new URL(config.serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
