import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { RefreshToken } from './refresh-token.entity.js';

@Injectable()
export class RefreshTokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.dataSource.manager.findOneBy(RefreshToken, { tokenHash });
  }

  /** Locked, so two refreshes racing with one token are told apart: the second is a reuse. */
  findByHashForUpdate(tokenHash: string, em: EntityManager): Promise<RefreshToken | null> {
    return em.findOne(RefreshToken, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
  }

  insert(token: Omit<RefreshToken, 'id'>, em: EntityManager = this.dataSource.manager): Promise<RefreshToken> {
    return em.save(RefreshToken, em.create(RefreshToken, token));
  }

  async markUsed(id: string, at: Date, em: EntityManager): Promise<void> {
    await em.update(RefreshToken, { id }, { usedAt: at });
  }

  async revokeFamily(familyId: string, at: Date, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.update(RefreshToken, { familyId, revokedAt: IsNull() }, { revokedAt: at });
  }

  async revokeAllOfUser(userId: string, at: Date, em: EntityManager = this.dataSource.manager): Promise<void> {
    await em.update(RefreshToken, { userId, revokedAt: IsNull() }, { revokedAt: at });
  }
}
