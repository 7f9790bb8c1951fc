import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../common/errors/domain-error.js';
import { HttpErrorFilter } from '../common/errors/http-error.filter.js';
import { Authenticator } from '../modules/access/scope-resolvers.js';
import { QUEUES } from '../jobs/job-names.js';

export const QUEUE_BOARD_PATH = '/admin/queues';
/** Set when the board is opened with `?token=`, so the page's own requests are signed in too. */
export const QUEUE_BOARD_COOKIE = 'gpmb_queue_board';

/**
 * The token a browser can present: `Authorization: Bearer …` (API clients, curl), or `?token=` on
 * the first visit, which the board then keeps in an HttpOnly cookie limited to its own path.
 */
function tokenOf(request: FastifyRequest): { token?: string; fromQuery: boolean } {
  const header = request.headers.authorization;
  if (header) return { fromQuery: false };
  const query = (request.query as Record<string, unknown> | undefined)?.token;
  if (typeof query === 'string' && query) return { token: query, fromQuery: true };
  const cookie = request.headers.cookie
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${QUEUE_BOARD_COOKIE}=`));
  return {
    token: cookie ? decodeURIComponent(cookie.slice(QUEUE_BOARD_COOKIE.length + 1)) : undefined,
    fromQuery: false,
  };
}

/**
 * Bull Board at /admin/queues, for administrators only. It lives outside Nest's router (and the
 * global /api/v1 prefix), so it is guarded by its own hook, with the same authentication as the API.
 */
export async function registerQueueBoard(app: NestFastifyApplication): Promise<void> {
  const auth = app.get<Authenticator>(Authenticator, { strict: false });
  const errors = new HttpErrorFilter();
  const refuse = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    const { status, body } = errors.render(error, request);
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
    options: { uiConfig: { boardTitle: 'GPMB CRM jobs' } },
  });

  await app.register(
    async (board: FastifyInstance) => {
      board.addHook('onRequest', async (request, reply) => {
        const { token, fromQuery } = tokenOf(request);
        const headers = token ? { ...request.headers, authorization: `Bearer ${token}` } : request.headers;
        let principal;
        try {
          principal = await auth.authenticate(headers);
        } catch (error) {
          return refuse(request, reply, error);
        }
        if (principal.type !== 'user' || principal.role !== 'admin') {
          return refuse(request, reply, new ForbiddenError('queues:admin'));
        }
        if (fromQuery && token) {
          void reply.header(
            'set-cookie',
            `${QUEUE_BOARD_COOKIE}=${encodeURIComponent(token)}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict` +
              (request.protocol === 'https' ? '; Secure' : ''),
          );
        }
        return undefined;
      });
      await board.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
