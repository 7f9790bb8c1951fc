import rateLimit from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { createHash } from 'node:crypto';
import type { AppConfig } from '../../config/app-config.js';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOGIN_KEY = 'login:';

const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/**
 * Who a write counts against: the credential it carries (one account or API key), or else the
 * address. Sign-in attempts count per address and email, so one address cannot try every account.
 */
function keyOf(request: FastifyRequest, loginPath: string): string {
  if (request.url.split('?')[0] === loginPath) {
    const email = (request.body as { email?: unknown } | undefined)?.email;
    return `${LOGIN_KEY}${request.ip}:${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
  }
  const credential = request.headers['x-api-key'] ?? request.headers.authorization;
  return typeof credential === 'string' ? `caller:${digest(credential)}` : `ip:${request.ip}`;
}

/**
 * Throttles writes and sign-in attempts; reads are never throttled (a ward chair's dashboard must
 * not be refused). Counters live in this process: with several API instances each counts its own.
 */
export async function registerRateLimits(
  app: NestFastifyApplication,
  config: AppConfig,
  apiPrefix: string,
): Promise<void> {
  const loginPath = `/${apiPrefix}/auth/login`;
  await app.register(rateLimit, {
    global: true,
    // After body parsing, so a sign-in attempt can be counted against its email.
    hook: 'preHandler',
    timeWindow: 60_000,
    allowList: (request) => READS.has(request.method),
    keyGenerator: (request) => keyOf(request, loginPath),
    max: (_request, key) =>
      key.startsWith(LOGIN_KEY) ? config.loginRateLimitPerMinute : config.writeRateLimitPerMinute,
    errorResponseBuilder: (_request, context) =>
      Object.assign(new Error(`Too many requests; retry in ${context.after}`), {
        statusCode: 429,
        code: 'RATE_LIMITED',
      }),
  });
}
