import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/errors/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import type { Principal } from '../modules/access/principal.js';
import type { RateLimits } from '../modules/access/rate-limits.js';
import type { AuthService, Session } from '../modules/auth/auth.service.js';
import { LoginDto } from '../modules/auth/dto/login.dto.js';
import { signInPage, signOutPage } from './queue-board-pages.js';
import {
  QUEUE_BOARD_COOKIE,
  QUEUE_BOARD_PATH,
  QUEUE_BOARD_REFRESH_COOKIE,
  SIGN_IN_PATH,
  SIGN_OUT_PATH,
} from './queue-board-paths.js';
import type { SharedRenewals } from './shared-renewals.js';

export { QUEUE_BOARD_COOKIE, QUEUE_BOARD_PATH, QUEUE_BOARD_REFRESH_COOKIE, SIGN_IN_PATH, SIGN_OUT_PATH };

/**
 * A state-changing form must come from the board's own pages: browsers say where a request comes
 * from (Sec-Fetch-Site, Origin); tools that send neither are not browsers to be tricked.
 */
function sameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (typeof origin !== 'string') return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/**
 * Signs administrators in and out of the queue board, and tells who a board request comes from:
 * the `Authorization` header (API clients, curl) or the board's cookies, renewed as they expire.
 */
export class QueueBoardSessions {
  constructor(
    private readonly auth: AuthService,
    private readonly limits: RateLimits,
    private readonly renewals: SharedRenewals,
    private readonly config: AppConfig,
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
      // The access token expired (or was never kept): the refresh token renews the sign-in, once
      // for all the requests the board sent together, whichever API instance they reached.
      const session = await this.renewals
        .renew(refreshToken, () => this.auth.refresh(refreshToken))
        .catch(() => {
          throw error;
        });
      this.keep(request, reply, session);
      return this.auth.authenticate({ authorization: `Bearer ${session.accessToken}` });
    }
  }

  register(board: FastifyInstance): void {
    const relative = (path: string) => path.slice(QUEUE_BOARD_PATH.length);
    board.get(relative(SIGN_IN_PATH), async (_request, reply) => this.page(reply, 200, signInPage()));
    board.get(relative(SIGN_OUT_PATH), async (_request, reply) => this.page(reply, 200, signOutPage()));

    board.post(relative(SIGN_IN_PATH), async (request, reply) => {
      if (!sameOrigin(request)) return this.page(reply, 403, signInPage('Yêu cầu không đến từ trang này.'));
      const form = plainToInstance(LoginDto, request.body ?? {});
      if (typeof request.body !== 'object' || (await validate(form)).length > 0) {
        return this.page(reply, 400, signInPage('Email hoặc mật khẩu không hợp lệ.'));
      }
      try {
        await this.limits.countAnonymousWrite(request.ip);
        await this.limits.countSignIn(request.ip, form.email);
        const session = await this.auth.login(form.email, form.password);
        if (session.user.role !== 'admin') {
          const principal = await this.auth.authenticate({ authorization: `Bearer ${session.accessToken}` });
          await this.auth.logout(principal, session.refreshToken);
          return this.page(reply, 403, signInPage('Tài khoản này không phải quản trị viên.'));
        }
        this.keep(request, reply, session);
        return reply.redirect(QUEUE_BOARD_PATH, 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const limited = error.kind === 'rate_limited';
        return this.page(
          reply,
          limited ? 429 : 401,
          signInPage(limited ? 'Thử quá nhiều lần; hãy đợi một phút.' : error.message),
        );
      }
    });

    board.post(relative(SIGN_OUT_PATH), async (request, reply) => {
      if (!sameOrigin(request)) return this.page(reply, 403, signOutPage());
      const principal = await this.principalOf(request, reply).catch(() => undefined);
      const refreshToken = request.cookies[QUEUE_BOARD_REFRESH_COOKIE];
      if (principal?.type === 'user' && refreshToken) await this.auth.logout(principal, refreshToken);
      for (const name of [QUEUE_BOARD_COOKIE, QUEUE_BOARD_REFRESH_COOKIE]) {
        void reply.clearCookie(name, { path: QUEUE_BOARD_PATH });
      }
      return reply.redirect(SIGN_IN_PATH, 303);
    });
  }

  /** Counts a credential that authenticated no one; past the limit the board answers 429 too. */
  async countFailure(request: FastifyRequest, error: unknown): Promise<void> {
    // A request that sent no credentials costs nothing to refuse and is not counted.
    if (error instanceof DomainError && error.kind === 'unauthenticated' && error.code !== 'UNAUTHENTICATED') {
      await this.limits.countFailedAuthentication(request.ip);
    }
  }

  private keep(request: FastifyRequest, reply: FastifyReply, session: Session): void {
    const options = {
      path: QUEUE_BOARD_PATH,
      httpOnly: true,
      sameSite: 'strict' as const,
      // Behind a TLS proxy the request itself may be plain HTTP: production cookies are Secure regardless.
      secure: this.config.env === 'production' || request.protocol === 'https',
    };
    void reply.setCookie(QUEUE_BOARD_COOKIE, session.accessToken, { ...options, maxAge: session.expiresIn });
    void reply.setCookie(QUEUE_BOARD_REFRESH_COOKIE, session.refreshToken, {
      ...options,
      expires: session.refreshTokenExpiresAt,
    });
  }

  private page(reply: FastifyReply, status: number, html: string) {
    return reply.code(status).header('content-type', 'text/html; charset=utf-8').send(html);
  }
}
