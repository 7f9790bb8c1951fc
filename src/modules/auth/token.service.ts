import { Inject, Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { isUUID } from 'class-validator';
import { createHash, randomBytes } from 'node:crypto';
import { Clock } from '../../common/clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { AccessTokenExpiredError, InvalidAccessTokenError } from './auth.errors.js';

interface AccessTokenPayload {
  sub: string;
  typ: 'access';
  /** The sign-in (refresh-token family) the token belongs to: it dies when that session ends. */
  sid: string;
  iat: number;
  exp: number;
}

/** Who an access token speaks for, and in which sign-in. */
export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
  /** The token's `exp`, if it has one. */
  expiresAt?: Date;
}

const seconds = (instant: Date): number => Math.floor(instant.getTime() / 1000);

/** Mints and checks tokens. Times come from the Clock, not jsonwebtoken's own Date.now(), so tests can move time. */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get accessTokenTtlSeconds(): number {
    return this.config.auth.accessTokenTtlSeconds;
  }

  /** An HS256 JWT `{ sub, typ: 'access', sid }` valid for the configured TTL from the clock's now. */
  signAccessToken(userId: string, sessionId: string): Promise<string> {
    return this.jwt.signAsync(
      { sub: userId, typ: 'access', sid: sessionId, iat: seconds(this.clock.now()) },
      { expiresIn: this.accessTokenTtlSeconds },
    );
  }

  /** The user and the sign-in an access token was issued to. */
  async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
    let payload: Partial<AccessTokenPayload>;
    try {
      payload = await this.jwt.verifyAsync<Partial<AccessTokenPayload>>(token, {
        clockTimestamp: seconds(this.clock.now()),
      });
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new AccessTokenExpiredError();
      throw new InvalidAccessTokenError();
    }
    // A token of another type signed with the same secret must not pass for an access token.
    if (
      payload.typ !== 'access' ||
      typeof payload.sub !== 'string' ||
      !isUUID(payload.sub) ||
      typeof payload.sid !== 'string' ||
      !isUUID(payload.sid)
    ) {
      throw new InvalidAccessTokenError();
    }
    return {
      userId: payload.sub,
      sessionId: payload.sid,
      ...(typeof payload.exp === 'number' ? { expiresAt: new Date(payload.exp * 1000) } : {}),
    };
  }

  /** 256 random bits, base64url; only its hash is stored. */
  newRefreshToken(): { token: string; tokenHash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, tokenHash: this.hashRefreshToken(token) };
  }

  hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
