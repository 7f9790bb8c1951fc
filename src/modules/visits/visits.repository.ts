import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PageQueryDto } from '../../common/http/pagination.js';
import { Visit } from './visit.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';

@Injectable()
export class VisitsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  findById(id: string): Promise<Visit | null> {
    return this.manager.findOneBy(Visit, { id });
  }

  /** The visit recorded under a client's idempotency key, with the hash of the request that made it. */
  findByIdempotencyKey(householdId: string, key: string): Promise<Visit | null> {
    return this.manager
      .createQueryBuilder(Visit, 'visit')
      .addSelect('visit.requestHash')
      .where('visit.household_id = :householdId AND visit.idempotency_key = :key', { householdId, key })
      .getOne();
  }

  async insert(visit: Partial<Visit>): Promise<Visit> {
    const result = await this.manager.insert(Visit, visit);
    const id = (result.identifiers[0] as { id: string }).id;
    return this.manager.findOneByOrFail(Visit, { id });
  }

  listForHousehold(householdId: string, page: PageQueryDto): Promise<[Visit[], number]> {
    return this.manager.findAndCount(Visit, {
      where: { householdId },
      order: { visitedAt: 'DESC', createdAt: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
  }
}
