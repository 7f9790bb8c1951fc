import { join } from 'node:path';
import { type BenchConfig, databaseUrl, DIST_BENCH_DIR, RESULTS_DIR } from './bench-config.js';
import { freePort, type Server, startServer } from './processes.js';
import { PRODUCT_MAIN } from './product-modules.js';

/**
 * Both rate limits are lifted: the bench is a single caller (one account, one address) making
 * thousands of writes and a few sign-ins a minute, which production would rightly answer 429.
 * The bench measures the work of a request, not its refusal.
 */
const UNLIMITED = '100000000';

export interface ProductOptions {
  jwtSecret: string;
  /** Preloads the SQL capture hook, writing every statement to this file (never in measured rounds). */
  captureSqlTo?: string;
  logFile: string;
}

/**
 * The product as production runs it (`node dist/src/main.js`, NODE_ENV=production, API and worker
 * in one process), on the seeded database: no migrations or demo data at start-up. Access tokens
 * live a day so that a long run (BENCH_SECONDS) never sees them expire.
 */
export async function startProduct(config: BenchConfig, options: ProductOptions): Promise<Server> {
  const port = await freePort();
  const preload = options.captureSqlTo ? ['--import', join(DIST_BENCH_DIR, 'sql-capture.js')] : [];
  const profile =
    config.cpuProfileDir && !options.captureSqlTo
      ? ['--cpu-prof', `--cpu-prof-dir=${config.cpuProfileDir}`, '--import', join(DIST_BENCH_DIR, 'exit-cleanly.js')]
      : [];
  return startServer({
    name: options.captureSqlTo ? 'product (capturing SQL)' : 'product',
    args: [...preload, ...profile, PRODUCT_MAIN],
    port,
    logFile: options.logFile,
    env: {
      DATABASE_URL: databaseUrl(config, config.database),
      REDIS_URL: config.redisUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      JWT_SECRET: options.jwtSecret,
      SEED_DEMO: 'false',
      RUN_MIGRATIONS: 'false',
      LOG_LEVEL: config.logLevel,
      RUN_WORKER_IN_API: 'true',
      QUEUE_PREFIX: config.queuePrefix,
      WRITE_RATE_LIMIT_PER_MINUTE: UNLIMITED,
      LOGIN_RATE_LIMIT_PER_MINUTE: UNLIMITED,
      ACCESS_TOKEN_TTL_SECONDS: '86400',
      AUTH_CACHE_SECONDS: String(config.authCacheSeconds),
      ...(options.captureSqlTo ? { BENCH_SQL_CAPTURE_FILE: options.captureSqlTo } : {}),
    },
  });
}

/** The reference server on its copy of the database, with the product's pool size and secret. */
export async function startRaw(config: BenchConfig, jwtSecret: string, poolSize: number): Promise<Server> {
  const port = await freePort();
  return startServer({
    name: 'raw',
    args: [join(DIST_BENCH_DIR, 'raw-server.js')],
    port,
    logFile: join(RESULTS_DIR, 'raw.log'),
    env: {
      DATABASE_URL: databaseUrl(config, config.rawDatabase),
      REDIS_URL: config.redisUrl,
      PORT: String(port),
      JWT_SECRET: jwtSecret,
      POOL_SIZE: String(poolSize),
      AUTH_CACHE_SECONDS: String(config.authCacheSeconds),
      RATE_LIMIT_PREFIX: `${config.queuePrefix}-raw`,
      // The product writes one line per request from `info` down; so does the raw server.
      LOG_REQUESTS: String(['info', 'debug', 'trace'].includes(config.logLevel)),
    },
  });
}
