import type { IncomingHttpHeaders } from 'node:http';
import jwt from 'jsonwebtoken';
import type pg from 'pg';
import type { Redis } from 'ioredis';
import { RawHttpError, type Row } from './raw-json.js';
import * as sql from './raw-sql.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who is calling and the projects they may see (null: every project, for admins). */
export interface Caller {
  id: string;
  name: string;
  role: string;
  projectIds: Set<string> | null;
}

/** rate-limiter-flexible's script, which the product's write limit runs once per write. */
const CONSUME_SCRIPT = `redis.call('set', KEYS[1], 0, 'EX', ARGV[2], 'NX')
local consumed = redis.call('incrby', KEYS[1], ARGV[1])
local ttl = redis.call('pttl', KEYS[1])
if ttl == -1 then
  redis.call('expire', KEYS[1], ARGV[2])
  ttl = 1000 * ARGV[2]
end
return {consumed, ttl}`;

const invalidToken = (message: string) => new RawHttpError(401, 'INVALID_ACCESS_TOKEN', message);

/**
 * The product's access guard without the framework: verify the HS256 access token (pinned
 * algorithm, `typ: access`, uuid `sub` and `sid`), read the account with its units and check that
 * its sign-in is live (two queries at once, as the product does), then resolve the projects of
 * the caller's units. Writes count against the caller in Redis, with the product's own script.
 */
export class RawAuth {
  /** Callers by token for `cacheMs`, as the product's PrincipalCache and ProjectScopes keep them. */
  private readonly callers = new Map<string, { caller: Caller; until: number; expiresAt: number }>();

  constructor(
    private readonly db: pg.Pool,
    private readonly redis: Redis,
    private readonly secret: string,
    private readonly rateLimitPrefix: string,
    private readonly cacheMs: number,
  ) {}

  async authenticate(headers: IncomingHttpHeaders): Promise<Caller> {
    const header = headers.authorization;
    if (!header) throw new RawHttpError(401, 'UNAUTHENTICATED', 'Sign in, or send an API key, to use this route');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw invalidToken('Send credentials as "Authorization: Bearer <token>" or "X-API-Key: <key>"');
    const token = match[1];
    const cached = this.callers.get(token);
    if (cached && cached.until > Date.now()) {
      if (cached.expiresAt <= Date.now())
        throw new RawHttpError(401, 'ACCESS_TOKEN_EXPIRED', 'The access token expired');
      return cached.caller;
    }
    const claims = this.verify(token);
    const [users, sessions] = await Promise.all([
      this.db.query<Row>(sql.ACTIVE_USER, [claims.sub]),
      this.db.query(sql.SESSION_LIVE, [claims.sid, claims.sub, new Date()]),
    ]);
    const user = users.rows[0];
    if (!user) throw invalidToken('The account was deactivated or no longer exists');
    if (sessions.rowCount === 0) throw invalidToken('The session has ended; sign in again');
    const role = user.role as string;
    const caller: Caller = {
      id: user.id as string,
      name: user.full_name as string,
      role,
      projectIds: role === 'admin' ? null : await this.projectsOf(user.unit_ids as string[]),
    };
    if (this.cacheMs > 0) {
      this.callers.set(token, { caller, until: Date.now() + this.cacheMs, expiresAt: claims.exp * 1000 });
    }
    return caller;
  }

  async countWrite(caller: Caller): Promise<void> {
    await this.redis.eval(CONSUME_SCRIPT, 1, `${this.rateLimitPrefix}:limit:write:user:${caller.id}`, '1', '60');
  }

  private verify(token: string): { sub: string; sid: string; exp: number } {
    let payload: jwt.JwtPayload | string;
    try {
      payload = jwt.verify(token, this.secret, { algorithms: ['HS256'] });
    } catch {
      throw invalidToken('The access token is invalid');
    }
    const { typ, sub, sid, exp } = typeof payload === 'string' ? ({} as Row) : (payload as Row);
    if (typ !== 'access' || typeof sub !== 'string' || !UUID.test(sub) || typeof sid !== 'string' || !UUID.test(sid)) {
      throw invalidToken('The access token is invalid');
    }
    return { sub, sid, exp: typeof exp === 'number' ? exp : Infinity };
  }

  private async projectsOf(unitIds: string[]): Promise<Set<string>> {
    const subtree = await this.db.query<{ id: string }>(sql.UNIT_SUBTREE, [unitIds]);
    const projects = await this.db.query<{ project_id: string }>(sql.PROJECTS_IN_UNITS, [
      subtree.rows.map((row) => row.id),
    ]);
    return new Set(projects.rows.map((row) => row.project_id));
  }
}

/** Outside the caller's projects answers exactly like a record that does not exist. */
export function assertInScope(caller: Caller, projectId: string | undefined, notFound: RawHttpError): void {
  if (projectId === undefined || (caller.projectIds !== null && !caller.projectIds.has(projectId))) throw notFound;
}

export const isUuid = (value: string): boolean => UUID.test(value);
