import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import { RefreshToken } from './refresh-token.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';

@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.manager.findOneBy(RefreshToken, { tokenHash });
  }

  /** Locked, so two refreshes racing with one token are told apart: the second is a reuse. */
  findByHashForUpdate(tokenHash: string): Promise<RefreshToken | null> {
    return this.manager.findOne(RefreshToken, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  insert(token: Omit<RefreshToken, 'id'>): Promise<RefreshToken> {
    return this.manager.save(RefreshToken, this.manager.create(RefreshToken, token));
  }

  async markUsed(id: string, at: Date): Promise<void> {
    await this.manager.update(RefreshToken, { id }, { usedAt: at });
  }

  /**
   * True while the sign-in can still be refreshed (a token of the family neither revoked nor
   * expired): what keeps its access tokens valid. One indexed probe.
   */
  async isSessionLive(familyId: string, userId: string, now: Date): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM refresh_tokens
       WHERE family_id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > $3 LIMIT 1`,
      [familyId, userId, now],
    );
    return rows.length > 0;
  }

  async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.manager.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: at });
  }

  async revokeAllOfUser(userId: string, at: Date): Promise<void> {
    await this.manager.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: at });
  }
}
