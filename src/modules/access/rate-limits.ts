import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../../common/errors/domain-error.js';
import { SharedRedis } from '../../common/redis/shared-redis.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { Principal } from './principal.js';

const WINDOW_SECONDS = 60;

/**
 * What an address counts as: itself for IPv4; for IPv6 its /64, the least any network hands one
 * subscriber, so a client rotating through its own addresses gains no fresh allowance.
 */
export function addressKey(address: string): string {
  const plain = address.split('%')[0].toLowerCase();
  if (!plain.includes(':')) return plain;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1];
  const [head, tail = ''] = plain.split('::');
  const left = head ? head.split(':') : [];
  const right = plain.includes('::') && tail ? tail.split(':') : [];
  const groups = plain.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

/**
 * How often one caller may write, counted in Redis so every API instance shares the count:
 * - writes per account or API key (however its token is spelled, and across its sign-ins);
 * - writes without credentials per address;
 * - sign-in attempts per address and email, so one address cannot try every password of one account;
 * - failed authentications per address, so bogus tokens do not each get a fresh bucket.
 * Reads are never counted: a ward chair's dashboard must not be refused. While Redis is away each
 * instance counts in memory instead, so writes go on being limited (and accepted).
 */
@Injectable()
export class RateLimits {
  private readonly writes: RateLimiterRedis;
  private readonly anonymousWrites: RateLimiterRedis;
  private readonly signIns: RateLimiterRedis;
  private readonly failedAuthentications: RateLimiterRedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig, redis: SharedRedis) {
    const limiter = (name: string, points: number) =>
      new RateLimiterRedis({
        storeClient: redis.client,
        // Per deployment, like its queues, so two deployments on one Redis count apart.
        keyPrefix: `${config.jobs.queuePrefix}:limit:${name}`,
        points,
        duration: WINDOW_SECONDS,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory({ points, duration: WINDOW_SECONDS }),
      });
    this.writes = limiter('write', config.writeRateLimitPerMinute);
    this.anonymousWrites = limiter('anonymous', config.writeRateLimitPerMinute);
    this.signIns = limiter('sign-in', config.loginRateLimitPerMinute);
    this.failedAuthentications = limiter('auth-failure', config.authFailureRateLimitPerMinute);
  }

  /** A write by a signed-in user or an API key. */
  countWrite(principal: Principal): Promise<void> {
    return this.consume(this.writes, `${principal.type}:${principal.id}`);
  }

  /** A write that carries no credentials (sign-in, token refresh). */
  countAnonymousWrite(address: string): Promise<void> {
    return this.consume(this.anonymousWrites, addressKey(address));
  }

  /** A sign-in attempt, before any password is hashed. */
  countSignIn(address: string, email: string): Promise<void> {
    return this.consume(this.signIns, `${addressKey(address)}|${email.trim().toLowerCase()}`);
  }

  /** Credentials that authenticate no one: past the limit the address is answered 429, not 401. */
  countFailedAuthentication(address: string): Promise<void> {
    return this.consume(this.failedAuthentications, addressKey(address));
  }

  private async consume(limiter: RateLimiterRedis, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        throw new RateLimitedError(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)));
      }
      throw rejection;
    }
  }
}
