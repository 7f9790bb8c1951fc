import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock/clock.js';
import { DAY_MS } from '../../common/time/civil-date.js';
import { UnauthenticatedError } from '../../common/errors/domain-error.js';
import { CacheInvalidations } from '../../common/cache/cache-invalidations.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { DomainEvent } from '../../events/domain-events.js';
import { OnDomainEvent } from '../../events/on-domain-event.decorator.js';
import { CacheTags } from '../access/cache-tags.js';
import type { Principal } from '../access/principal.js';
import type { Authenticator } from '../access/scope-resolvers.js';
import { ApiKeysService } from '../api-keys/api-keys.service.js';
import { AuditService } from '../audit/audit.service.js';
import { type UserIdentity, UsersService } from '../users/users.service.js';
import {
  AccessTokenExpiredError,
  AccountLockedError,
  InvalidAccessTokenError,
  InvalidApiKeyError,
  InvalidCredentialsError,
  NotAUserSessionError,
  RefreshTokenRefusedError,
} from './auth.errors.js';
import { credentialsFrom, type RequestHeaders } from './domain/credentials.js';
import { judgeRefreshToken, type RefreshVerdict } from './domain/refresh-rotation.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { type Authenticated, PrincipalCache } from './principal-cache.js';
import { TokenService } from './token.service.js';
import { TransactionHost } from '../../database/transaction-host.js';

/** What a client holds after signing in or refreshing. */
export interface Session {
  accessToken: string;
  /** Seconds the access token lives. */
  expiresIn: number;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
  user: UserIdentity;
}

type Rotation =
  | { verdict: 'valid'; user: UserIdentity; sessionId: string; refreshToken: string; refreshTokenExpiresAt: Date }
  | { verdict: Exclude<RefreshVerdict, 'valid'> };

@Injectable()
export class AuthService implements Authenticator {
  constructor(
    private readonly tx: TransactionHost,
    private readonly users: UsersService,
    private readonly apiKeys: ApiKeysService,
    private readonly tokens: TokenService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly principals: PrincipalCache,
    private readonly invalidations: CacheInvalidations,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Sessions end with the access, in the same transaction: a deactivated account cannot refresh. */
  @OnDomainEvent('user.access-revoked', { id: 'auth.end-sessions', inTransaction: true })
  async endSessions({ payload }: DomainEvent<'user.access-revoked'>): Promise<void> {
    await this.refreshTokens.revokeAllOfUser(payload.userId, this.clock.now());
    this.forgetAfterCommit(CacheTags.user(payload.userId));
  }

  /** Cached credentials of what the transaction ends are dropped once it commits, in every process. */
  private forgetAfterCommit(...tags: string[]): void {
    this.tx.afterCommit(() => this.invalidations.invalidate(...tags));
  }

  /**
   * Who is calling, for every route that is not public: an API key (`X-API-Key`, or a `gpmb_` bearer
   * token) or a user's access token. A user costs one query (account and units together) and one
   * for its session, then nothing for a few seconds (PrincipalCache).
   */
  async authenticate(headers: RequestHeaders): Promise<Principal> {
    const credentials = credentialsFrom(headers);
    if (credentials.kind === 'none') throw new UnauthenticatedError();
    if (credentials.kind === 'malformed') {
      throw new InvalidAccessTokenError('Send credentials as "Authorization: Bearer <token>" or "X-API-Key: <key>"');
    }
    const credential = credentials.kind === 'api_key' ? credentials.key : credentials.token;
    const cached = this.principals.get(credential);
    if (cached) {
      if (cached.expiresAt && cached.expiresAt <= this.clock.now()) throw new AccessTokenExpiredError();
      return cached.principal;
    }
    const authenticated =
      credentials.kind === 'api_key'
        ? { principal: await this.authenticateApiKey(credentials.key) }
        : await this.authenticateAccessToken(credentials.token);
    this.principals.keep(credential, authenticated);
    return authenticated.principal;
  }

  private async authenticateApiKey(key: string): Promise<Principal> {
    const principal = key ? await this.apiKeys.authenticate(key) : null;
    if (!principal) throw new InvalidApiKeyError();
    return principal;
  }

  private async authenticateAccessToken(token: string): Promise<Authenticated> {
    const { userId, sessionId, expiresAt } = await this.tokens.verifyAccessToken(token);
    const [user, live] = await Promise.all([
      this.users.findActiveIdentity(userId),
      this.refreshTokens.isSessionLive(sessionId, userId, this.clock.now()),
    ]);
    if (!user) throw new InvalidAccessTokenError('The account was deactivated or no longer exists');
    // Signed out (or the session revoked): its access tokens stop with it, not when they expire.
    if (!live) throw new InvalidAccessTokenError('The session has ended; sign in again');
    const principal: Principal = {
      type: 'user',
      id: user.id,
      name: user.fullName,
      role: user.role,
      administrativeUnitIds: user.administrativeUnitIds,
      sessionId,
    };
    return { principal, expiresAt };
  }

  async login(email: string, password: string): Promise<Session> {
    const check = await this.users.verifyCredentials(email, password);
    // Failures name the email claimed, never the password; the account id only once it is proven.
    const claimed = { type: 'anonymous' as const, id: null, name: email.trim().toLowerCase().slice(0, 200) };
    switch (check.outcome) {
      case 'invalid':
        await this.audit.record({
          action: 'login_failed',
          entity: 'User',
          actor: claimed,
          changes: { email: claimed.name },
        });
        throw new InvalidCredentialsError();
      case 'locked':
        await this.audit.record({
          action: 'login_locked',
          entity: 'User',
          actor: claimed,
          changes: { email: claimed.name, lockedUntil: check.lockedUntil.toISOString() },
        });
        throw new AccountLockedError(check.lockedUntil);
      case 'valid': {
        const session = await this.issueTokens(check.userId);
        await this.audit.record({
          action: 'login',
          entity: 'User',
          entityId: session.user.id,
          actor: { type: 'user', id: session.user.id, name: session.user.fullName },
        });
        return session;
      }
    }
  }

  /** A new session (a new refresh-token family) for an active user; also how tests sign in without a password. */
  async issueTokens(userId: string): Promise<Session> {
    const user = await this.users.findActiveIdentity(userId);
    if (!user) throw new InvalidCredentialsError();
    const sessionId = randomUUID();
    const refresh = await this.createRefreshToken(userId, sessionId);
    return this.sessionFor(user, sessionId, refresh.token, refresh.expiresAt);
  }

  /** Exchanges a refresh token for a new pair; the presented token cannot be used again. */
  async refresh(refreshToken: string): Promise<Session> {
    const now = this.clock.now();
    const rotation = await this.tx.run(async (): Promise<Rotation> => {
      const token = await this.refreshTokens.findByHashForUpdate(this.tokens.hashRefreshToken(refreshToken));
      if (!token) return { verdict: 'unknown' };
      const verdict = judgeRefreshToken(token, now);
      if (verdict === 'reused') await this.endSession(token.familyId, now);
      if (verdict !== 'valid') return { verdict };
      const user = await this.users.findActiveIdentity(token.userId);
      if (!user) {
        await this.endSession(token.familyId, now);
        return { verdict: 'revoked' };
      }
      await this.refreshTokens.markUsed(token.id, now);
      const next = await this.createRefreshToken(user.id, token.familyId);
      return {
        verdict,
        user,
        sessionId: token.familyId,
        refreshToken: next.token,
        refreshTokenExpiresAt: next.expiresAt,
      };
    });
    // Thrown after the commit, so a reuse's revocation of the family sticks.
    if (rotation.verdict !== 'valid') throw new RefreshTokenRefusedError(rotation.verdict);
    return this.sessionFor(rotation.user, rotation.sessionId, rotation.refreshToken, rotation.refreshTokenExpiresAt);
  }

  /**
   * Ends the caller's sign-in and the one a refresh token belongs to, or every sign-in of the user
   * when no refresh token is given. Another user's token is ignored rather than refused, so it tells
   * nothing. The access tokens of the ended sign-ins stop working at once: every request checks
   * that its session is live.
   */
  async logout(principal: Principal, refreshToken?: string): Promise<void> {
    if (principal.type !== 'user') throw new NotAUserSessionError();
    const now = this.clock.now();
    await this.tx.run(async () => {
      await this.audit.record({ action: 'logout', entity: 'User', entityId: principal.id });
      if (refreshToken === undefined) {
        await this.refreshTokens.revokeAllOfUser(principal.id, now);
        this.forgetAfterCommit(CacheTags.user(principal.id));
        return;
      }
      const token = await this.refreshTokens.findByHash(this.tokens.hashRefreshToken(refreshToken));
      const sessions = new Set([principal.sessionId, token?.userId === principal.id ? token.familyId : undefined]);
      for (const sessionId of sessions) if (sessionId) await this.endSession(sessionId, now);
    });
  }

  private async endSession(sessionId: string, now: Date): Promise<void> {
    await this.refreshTokens.revokeFamily(sessionId, now);
    this.forgetAfterCommit(CacheTags.session(sessionId));
  }

  private async createRefreshToken(userId: string, familyId: string): Promise<{ token: string; expiresAt: Date }> {
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + this.config.auth.refreshTokenTtlDays * DAY_MS);
    const { token, tokenHash } = this.tokens.newRefreshToken();
    await this.refreshTokens.insert({
      userId,
      familyId,
      tokenHash,
      expiresAt,
      usedAt: null,
      revokedAt: null,
      createdAt: now,
    });
    return { token, expiresAt };
  }

  private async sessionFor(
    user: UserIdentity,
    sessionId: string,
    refreshToken: string,
    refreshTokenExpiresAt: Date,
  ): Promise<Session> {
    return {
      accessToken: await this.tokens.signAccessToken(user.id, sessionId),
      expiresIn: this.tokens.accessTokenTtlSeconds,
      refreshToken,
      refreshTokenExpiresAt,
      user,
    };
  }
}
