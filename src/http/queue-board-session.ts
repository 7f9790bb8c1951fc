import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';
import type { Principal } from '../modules/access/principal.js';
import type { RateLimits } from '../modules/access/rate-limits.js';
import type { AuthService, Session } from '../modules/auth/auth.service.js';

export const QUEUE_BOARD_PATH = '/admin/queues';
export const SIGN_IN_PATH = `${QUEUE_BOARD_PATH}/sign-in`;
export const SIGN_OUT_PATH = `${QUEUE_BOARD_PATH}/sign-out`;
/** The board's sign-in: an access token and its refresh token, in HttpOnly cookies of the board's path only. */
export const QUEUE_BOARD_COOKIE = 'gpmb_queue_board';
export const QUEUE_BOARD_REFRESH_COOKIE = 'gpmb_queue_board_refresh';

/** How long the answer of one refresh serves the requests that came with the same refresh token. */
const RENEWAL_SHARED_MS = 30_000;

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The sign-in form: a password posted to the server, so no token ever travels in a URL. */
function signInPage(message?: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Đăng nhập — Hàng đợi công việc GPMB</title>
<style>body{font-family:system-ui,sans-serif;max-width:22rem;margin:4rem auto;padding:0 1rem}
label{display:block;margin:.8rem 0 .2rem}input{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1.2rem;padding:.6rem 1.2rem}.error{color:#b00020}</style></head>
<body><h1>Hàng đợi công việc</h1><p>Chỉ dành cho quản trị viên.</p>
${message ? `<p class="error" role="alert">${escapeHtml(message)}</p>` : ''}
<form method="post" action="${SIGN_IN_PATH}">
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Mật khẩu</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button></form></body></html>`;
}

/**
 * Signs administrators in and out of the queue board, and tells who a board request comes from:
 * the `Authorization` header (API clients, curl) or the board's cookies, refreshed as they expire.
 */
export class QueueBoardSessions {
  private readonly renewals = new Map<string, Promise<Session>>();

  constructor(
    private readonly auth: AuthService,
    private readonly limits: RateLimits,
  ) {}

  /** The caller, or the error to answer with. */
  async principalOf(request: FastifyRequest, reply: FastifyReply): Promise<Principal> {
    if (request.headers.authorization || request.headers['x-api-key']) {
      return this.auth.authenticate(request.headers);
    }
    const accessToken = request.cookies[QUEUE_BOARD_COOKIE];
    const refreshToken = request.cookies[QUEUE_BOARD_REFRESH_COOKIE];
    try {
      return await this.auth.authenticate(accessToken ? { authorization: `Bearer ${accessToken}` } : {});
    } catch (error) {
      if (!refreshToken || !(error instanceof DomainError) || error.kind !== 'unauthenticated') throw error;
      // The access token expired (or was never kept): the refresh token renews the sign-in once.
      const session = await this.renew(refreshToken).catch(() => {
        throw error;
      });
      this.keep(request, reply, session);
      return this.auth.authenticate({ authorization: `Bearer ${session.accessToken}` });
    }
  }

  /**
   * One refresh per refresh token at a time: the board sends several requests at once, and a
   * refresh token presented twice would end the sign-in as stolen. Concurrent ones share the answer.
   */
  private renew(refreshToken: string): Promise<Session> {
    let renewal = this.renewals.get(refreshToken);
    if (!renewal) {
      renewal = this.auth.refresh(refreshToken);
      this.renewals.set(refreshToken, renewal);
      setTimeout(() => this.renewals.delete(refreshToken), RENEWAL_SHARED_MS).unref();
    }
    return renewal;
  }

  register(board: FastifyInstance): void {
    board.get(SIGN_IN_PATH.slice(QUEUE_BOARD_PATH.length), async (_request, reply) => this.page(reply, 200));

    board.post(SIGN_IN_PATH.slice(QUEUE_BOARD_PATH.length), async (request, reply) => {
      const body = (request.body ?? {}) as { email?: unknown; password?: unknown };
      const email = typeof body.email === 'string' ? body.email : '';
      const password = typeof body.password === 'string' ? body.password : '';
      try {
        await this.limits.countAnonymousWrite(request.ip);
        await this.limits.countSignIn(request.ip, email);
        const session = await this.auth.login(email, password);
        if (session.user.role !== 'admin') {
          const principal = await this.auth.authenticate({ authorization: `Bearer ${session.accessToken}` });
          await this.auth.logout(principal, session.refreshToken);
          return this.page(reply, 403, 'Tài khoản này không phải quản trị viên.');
        }
        this.keep(request, reply, session);
        return reply.redirect(QUEUE_BOARD_PATH, 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const status = error.kind === 'rate_limited' ? 429 : 401;
        return this.page(reply, status, status === 429 ? 'Thử quá nhiều lần; hãy đợi một phút.' : error.message);
      }
    });

    board.get(SIGN_OUT_PATH.slice(QUEUE_BOARD_PATH.length), async (request, reply) => {
      const principal = await this.principalOf(request, reply).catch(() => undefined);
      const refreshToken = request.cookies[QUEUE_BOARD_REFRESH_COOKIE];
      if (principal?.type === 'user' && refreshToken) await this.auth.logout(principal, refreshToken);
      for (const name of [QUEUE_BOARD_COOKIE, QUEUE_BOARD_REFRESH_COOKIE]) {
        void reply.clearCookie(name, { path: QUEUE_BOARD_PATH });
      }
      return reply.redirect(SIGN_IN_PATH, 303);
    });
  }

  private keep(request: FastifyRequest, reply: FastifyReply, session: Session): void {
    const options = {
      path: QUEUE_BOARD_PATH,
      httpOnly: true,
      sameSite: 'strict' as const,
      secure: request.protocol === 'https',
    };
    void reply.setCookie(QUEUE_BOARD_COOKIE, session.accessToken, { ...options, maxAge: session.expiresIn });
    void reply.setCookie(QUEUE_BOARD_REFRESH_COOKIE, session.refreshToken, {
      ...options,
      expires: session.refreshTokenExpiresAt,
    });
  }

  private page(reply: FastifyReply, status: number, message?: string) {
    return reply.code(status).header('content-type', 'text/html; charset=utf-8').send(signInPage(message));
  }
}
