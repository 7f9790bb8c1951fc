import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Preloaded (`node --import`) into a short-lived product process, never a measured one: records
 * every statement the product sends to PostgreSQL, with its parameters and the time, one JSON line
 * each, so the bench can EXPLAIN exactly the SQL the product runs for a path. pg_stat_statements
 * would do this without a hook, but it must be preloaded by the server, which the bench cannot assume.
 *
 * TypeORM loads `pg` with require(); patching the class that require() returns reaches its pool.
 */
interface CapturedQueryConfig {
  text?: string;
  values?: unknown[];
}

type Query = (this: unknown, config: unknown, values?: unknown, callback?: unknown) => unknown;

const file = process.env.BENCH_SQL_CAPTURE_FILE;
if (file) {
  const require = createRequire(import.meta.url);
  const pg = require('pg') as { Client: { prototype: { query: Query } } };
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function capture(this: unknown, config, values, callback) {
    const text = typeof config === 'string' ? config : (config as CapturedQueryConfig | null)?.text;
    const params = Array.isArray(values) ? values : (config as CapturedQueryConfig | null)?.values;
    if (text) appendFileSync(file, `${JSON.stringify({ at: Date.now(), text, values: params ?? [] })}\n`);
    return query.call(this, config, values, callback);
  };
}
