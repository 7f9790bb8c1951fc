import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { PageQueryDto } from '../../common/http/pagination.js';
import { Visit } from './visit.entity.js';

@Injectable()
export class VisitsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** The visit recorded under a client's idempotency key, with the hash of the request that made it. */
  findByIdempotencyKey(householdId: string, key: string, em: EntityManager): Promise<Visit | null> {
    return em
      .createQueryBuilder(Visit, 'visit')
      .addSelect('visit.requestHash')
      .where('visit.household_id = :householdId AND visit.idempotency_key = :key', { householdId, key })
      .getOne();
  }

  async insert(visit: Partial<Visit>, em: EntityManager): Promise<Visit> {
    const result = await em.insert(Visit, visit);
    const id = (result.identifiers[0] as { id: string }).id;
    return em.findOneByOrFail(Visit, { id });
  }

  listForHousehold(householdId: string, page: PageQueryDto): Promise<[Visit[], number]> {
    return this.dataSource.manager.findAndCount(Visit, {
      where: { householdId },
      order: { visitedAt: 'DESC', createdAt: 'DESC' },
      skip: page.offset,
      take: page.limit,
    });
  }
}
