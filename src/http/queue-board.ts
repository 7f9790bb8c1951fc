import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import cookie from '@fastify/cookie';
import formBody from '@fastify/formbody';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError, RateLimitedError } from '../common/errors/domain-error.js';
import { SharedRedis } from '../common/redis/shared-redis.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { HttpErrorFilter } from '../common/errors/http-error.filter.js';
import { QUEUES } from '../jobs/job-names.js';
import { RateLimits } from '../modules/access/rate-limits.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { QUEUE_BOARD_PATH, QueueBoardSessions, SIGN_IN_PATH, SIGN_OUT_PATH } from './queue-board-session.js';
import { SharedRenewals } from './shared-renewals.js';

/**
 * Bull Board at /admin/queues, for administrators only. It lives outside Nest's router (and the
 * global /api/v1 prefix), so it is guarded by its own hook, with the same authentication as the API.
 * A browser signs in on the board's own form (/admin/queues/sign-in); API clients send a header.
 */
export async function registerQueueBoard(app: NestFastifyApplication): Promise<void> {
  const config = app.get<AppConfig>(APP_CONFIG, { strict: false });
  const sessions = new QueueBoardSessions(
    app.get(AuthService, { strict: false }),
    app.get(RateLimits, { strict: false }),
    new SharedRenewals(app.get(SharedRedis, { strict: false }), config.jobs.queuePrefix),
    config,
  );
  const errors = new HttpErrorFilter();
  const refuse = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    const { status, body } = errors.render(error, request);
    if (error instanceof RateLimitedError) void reply.header('retry-after', String(error.retryAfterSeconds));
    return reply.code(status).header('content-type', 'application/json; charset=utf-8').send(body);
  };
  const queues = QUEUES.map((name) => app.get<Queue>(getQueueToken(name), { strict: false }));
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: queues.map((queue) => new BullMQAdapter(queue)),
    // @bull-board/api is pinned to the version @bull-board/fastify itself depends on: two copies
    // would declare the same interface twice, which TypeScript will not unify.
    serverAdapter,
    options: { uiConfig: { boardTitle: 'GPMB CRM jobs', miscLinks: [{ text: 'Đăng xuất', url: SIGN_OUT_PATH }] } },
  });

  await app.register(
    async (board: FastifyInstance) => {
      // Only the board's sign-in form is posted as a form; the API itself takes JSON alone.
      await board.register(formBody);
      await board.register(cookie);
      board.addHook('onRequest', async (request, reply) => {
        const path = request.url.split('?')[0];
        if (path === SIGN_IN_PATH || path === SIGN_OUT_PATH) return undefined;
        let principal;
        try {
          principal = await sessions.principalOf(request, reply);
        } catch (failure) {
          let error = failure;
          try {
            await sessions.countFailure(request, failure);
          } catch (limited) {
            error = limited;
          }
          // A browser opening the board is shown the sign-in form; other callers get the error.
          const browsing = request.method === 'GET' && request.headers.accept?.includes('text/html');
          if (browsing && !(error instanceof RateLimitedError)) {
            return reply.redirect(SIGN_IN_PATH, 303);
          }
          return refuse(request, reply, error);
        }
        if (principal.type !== 'user' || principal.role !== 'admin') {
          return refuse(request, reply, new ForbiddenError('queues:admin'));
        }
        return undefined;
      });
      sessions.register(board);
      await board.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
