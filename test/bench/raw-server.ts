/**
 * The raw reference server: plain node:http and a pg Pool (the product's pool size), doing for each
 * benchmarked path the same database work as the product, statement for statement, in the same
 * order, on its own copy of the seeded database (RESULTS.md lists the product's statements as
 * captured, and every run first checks that both servers answer the same fields). What it leaves
 * out is the framework: routing, validation pipes, interceptors, DI, TypeORM's query building and
 * entity mapping, helmet's headers. So the product's req/s divided by this server's says what that
 * layer costs on top of the unavoidable SQL.
 *
 * Every /api/v1 request, as the product's access guard:
 *   verify the HS256 bearer token (jsonwebtoken, algorithm pinned, typ/sub/sid checked); then at once
 *   SELECT the active user with array_agg(unit ids) and SELECT 1 FROM refresh_tokens (sign-in live);
 *   then WITH RECURSIVE unit subtree; SELECT DISTINCT project_id FROM project_administrative_units.
 *   The caller is then kept AUTH_CACHE_SECONDS per token, as the product keeps it.
 *   No credentials: 401 before any query.
 *
 * POST /households/:id/visits (fresh Idempotency-Key):
 *   Redis: the write-rate-limit script (EVAL, one round trip); SELECT project_id of the household
 *   (locate, scope); INSERT INTO idempotency_keys … ON CONFLICT DO NOTHING (outside the transaction,
 *   as the product); START TRANSACTION; SELECT household … FOR UPDATE; SELECT visit by (household,
 *   idempotency key); INSERT visit RETURNING id, created_at;
 *   [household not_contacted: INSERT consent_transitions; INSERT job_outbox (household.consent-changed
 *    subscribers)];
 *   SELECT household (TypeORM's save() reads the row it updates: the audit's before-image);
 *   UPDATE households (last contact, follow-up, version [, status, status_changed_at]);
 *   INSERT job_outbox (visit.recorded subscribers); INSERT audit_log, every row of the unit in one
 *   statement (create Visit [, create ConsentTransition], update | transition Household); COMMIT; UPDATE idempotency_keys SET state = 'completed', response_body … ; 201.
 *   (Its outbox rows are never run: no relay or worker reads this copy. The product's are, in its own
 *   process, which is why the bench waits for them before the next round.)
 * GET /households/:id: SELECT project_id (locate); SELECT household; SELECT its land_parcels. ETag.
 * GET /projects/:id/stats: SELECT 1 FROM projects (locate); one SELECT over the statistics counters.
 * GET /projects/:id/households?q=… | ?followUpOverdue=true: SELECT 1 FROM projects (locate); at once
 *   one page of 51 ORDER BY code and the count of the same filter capped at 1,001.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { type Caller, isUuid, RawAuth } from './raw/raw-auth.js';
import { errorJson, RawHttpError } from './raw/raw-json.js';
import { RawReads, type VisitWindowPlan } from './raw/raw-reads.js';
import { ROOT_DIR } from './bench-config.js';
import { type Answer, RawVisits } from './raw/raw-visits.js';

const BODY_LIMIT_BYTES = 1024 * 1024;
const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

// `date` columns as 'YYYY-MM-DD' strings, as TypeORM hands them to the product.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
const db = new pg.Pool({
  connectionString: env('DATABASE_URL'),
  max: Number(env('POOL_SIZE')),
  application_name: 'gpmb-bench-raw',
});
const redis = new Redis(env('REDIS_URL'));
const auth = new RawAuth(
  db,
  redis,
  env('JWT_SECRET'),
  env('RATE_LIMIT_PREFIX'),
  Number(env('AUTH_CACHE_SECONDS')) * 1000,
);
const visits = new RawVisits(db, auth);
const { recentVisitWindow } = (await import(
  pathToFileURL(join(ROOT_DIR, 'dist/src/modules/stats/domain/visit-window.js')).href
)) as { recentVisitWindow: (now: Date) => VisitWindowPlan };
const reads = new RawReads(db, recentVisitWindow);
const logRequests = process.env.LOG_REQUESTS === 'true';
const host = hostname();

const HOUSEHOLD = /^\/api\/v1\/households\/([^/]+)$/;
const VISITS = /^\/api\/v1\/households\/([^/]+)\/visits$/;
const STATS = /^\/api\/v1\/projects\/([^/]+)\/stats$/;
const HOUSEHOLDS = /^\/api\/v1\/projects\/([^/]+)\/households$/;

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT_BYTES) throw new RawHttpError(400, 'PAYLOAD_TOO_LARGE', 'The body is too large');
    chunks.push(chunk);
  }
  try {
    return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : undefined;
  } catch {
    throw new RawHttpError(400, 'INVALID_JSON', 'The body is not valid JSON');
  }
}

/** The id in a path, checked like the product's ParseId pipe (a malformed id is a 400). */
function idFrom(match: RegExpExecArray): string {
  if (!isUuid(match[1])) throw new RawHttpError(400, 'VALIDATION_FAILED', 'id must be a UUID');
  return match[1];
}

async function route(request: IncomingMessage, url: URL, requestId: string): Promise<Answer> {
  const path = url.pathname;
  if (path === '/health') return { status: 200, body: { status: 'ok' } };
  if (!path.startsWith('/api/v1/')) throw new RawHttpError(404, 'ROUTE_NOT_FOUND', `No route ${path}`);
  const caller: Caller = await auth.authenticate(request.headers);
  let match: RegExpExecArray | null;
  if (request.method === 'POST' && (match = VISITS.exec(path))) {
    const key = request.headers['idempotency-key'];
    return visits.record({
      caller,
      householdId: idFrom(match),
      body: await readJson(request),
      idempotencyKey: typeof key === 'string' ? key.trim() : undefined,
      path: request.url ?? path,
      requestId,
      ip: request.socket.remoteAddress ?? '',
    });
  }
  if (request.method === 'GET' && (match = HOUSEHOLD.exec(path))) return reads.household(caller, idFrom(match));
  if (request.method === 'GET' && (match = STATS.exec(path))) return reads.stats(caller, idFrom(match));
  if (request.method === 'GET' && (match = HOUSEHOLDS.exec(path))) {
    return reads.households(caller, idFrom(match), url.searchParams);
  }
  throw new RawHttpError(404, 'ROUTE_NOT_FOUND', `No route ${request.method} ${path}`);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const started = performance.now();
  const sent = request.headers['x-request-id'];
  const requestId = typeof sent === 'string' && /^[\w.-]{1,100}$/.test(sent) ? sent : randomUUID();
  const url = new URL(request.url ?? '/', 'http://raw');
  let answer: Answer;
  try {
    answer = await route(request, url, requestId);
  } catch (error) {
    if (!(error instanceof RawHttpError)) console.error(error);
    answer =
      error instanceof RawHttpError
        ? { status: error.statusCode, body: errorJson(error.statusCode, error.code, error.message, requestId) }
        : { status: 500, body: errorJson(500, 'INTERNAL_ERROR', 'Something went wrong', requestId) };
  }
  const body = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
    'cache-control': 'no-store',
    ...answer.headers,
  });
  response.end(body);
  if (logRequests && url.pathname !== '/health') {
    const line = {
      level: 30,
      time: Date.now(),
      pid: process.pid,
      hostname: host,
      reqId: requestId,
      req: { method: request.method, url: request.url },
      res: { statusCode: answer.status },
      responseTime: performance.now() - started,
      msg: 'request completed',
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

const server = createServer((request, response) => void handle(request, response));
server.keepAliveTimeout = 72_000;
server.listen(Number(env('PORT')), '127.0.0.1');

const stop = () => {
  server.close();
  void Promise.allSettled([db.end(), redis.quit()]).then(() => process.exit(0));
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
