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

  /** One INSERT … RETURNING: the generated id and creation time are merged into the entity, no re-read. */
  async insert(values: Partial<Visit>): Promise<Visit> {
    const visit = this.manager.create(Visit, values);
    await this.manager.insert(Visit, visit);
    // As a read would: the idempotency columns are never selected.
    delete (visit as Partial<Visit>).idempotencyKey;
    delete (visit as Partial<Visit>).requestHash;
    return visit;
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
