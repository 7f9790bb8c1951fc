import { createHash } from 'node:crypto';
import type { SharedRedis } from '../common/redis/shared-redis.js';
import type { Session } from '../modules/auth/auth.service.js';

/** How long the renewed session of a refresh token serves the requests that came with the old one. */
const SHARED_SECONDS = 10;
const PENDING = 'pending';
const POLL_MS = 50;
const WAIT_MS = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One renewal per refresh token across every API instance. The board sends several requests at
 * once when its access cookie has expired; each would present the same refresh token, and a refresh
 * token presented twice ends the sign-in as stolen. The first request (by SET NX in Redis) renews;
 * the others, on any instance, wait for its answer and share it for a few seconds. Without Redis,
 * requests in one process still share one renewal.
 */
export class SharedRenewals {
  private readonly inFlight = new Map<string, Promise<Session>>();

  constructor(
    private readonly redis: SharedRedis,
    private readonly prefix: string,
  ) {}

  renew(refreshToken: string, refresh: () => Promise<Session>): Promise<Session> {
    const key = `${this.prefix}:board-renewal:${createHash('sha256').update(refreshToken).digest('hex')}`;
    let renewal = this.inFlight.get(key);
    if (!renewal) {
      renewal = this.renewOnce(key, refresh).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, renewal);
    }
    return renewal;
  }

  private async renewOnce(key: string, refresh: () => Promise<Session>): Promise<Session> {
    const client = this.redis.client;
    let claimed: string | null;
    try {
      claimed = await client.set(key, PENDING, 'EX', SHARED_SECONDS, 'NX');
    } catch {
      return refresh();
    }
    if (claimed === 'OK') {
      try {
        const session = await refresh();
        await client.set(key, JSON.stringify(session), 'EX', SHARED_SECONDS).catch(() => undefined);
        return session;
      } catch (error) {
        await client.del(key).catch(() => undefined);
        throw error;
      }
    }
    // Another request renews it: wait for its answer.
    for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
      const value = await client.get(key).catch(() => null);
      if (value === null) break;
      if (value !== PENDING) return revive(value);
      await sleep(POLL_MS);
    }
    throw new Error('The sign-in could not be renewed');
  }
}

function revive(value: string): Session {
  const session = JSON.parse(value) as Session & { refreshTokenExpiresAt: string };
  return { ...session, refreshTokenExpiresAt: new Date(session.refreshTokenExpiresAt) };
}
