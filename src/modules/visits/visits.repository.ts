import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PageQueryDto } from '../../common/http/pagination.js';
import { Visit } from './visit.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';

export interface VisitFilter {
  /** Visits any of these accounts was on. */
  officerIds?: readonly string[];
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

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

  /** A project's visits, latest first, optionally only those any of `officerIds` was on, in a time range. */
  listInProject(projectId: string, filter: VisitFilter): Promise<[Visit[], number]> {
    const builder = this.manager
      .createQueryBuilder(Visit, 'visit')
      .where('visit.project_id = :projectId', { projectId });
    if (filter.officerIds)
      builder.andWhere('visit.officer_ids && :officerIds::uuid[]', { officerIds: filter.officerIds });
    if (filter.from) builder.andWhere('visit.visited_at >= :from', { from: filter.from });
    if (filter.to) builder.andWhere('visit.visited_at < :to', { to: filter.to });
    return builder
      .orderBy('visit.visited_at', 'DESC')
      .addOrderBy('visit.id', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
  }

  /** Per officer (account) of the project: visits and distinct households visited in [from, to). */
  async countsByOfficer(
    projectId: string,
    from: Date,
    to: Date,
  ): Promise<Array<{ officerId: string; visits: number; households: number }>> {
    const rows: Array<{ officer_id: string; visits: number; households: number }> = await this.manager.query(
      `SELECT o.officer_id, count(*)::int AS visits, count(DISTINCT v.household_id)::int AS households
       FROM visits v CROSS JOIN LATERAL unnest(v.officer_ids) AS o(officer_id)
       WHERE v.project_id = $1 AND v.visited_at >= $2 AND v.visited_at < $3
       GROUP BY o.officer_id`,
      [projectId, from, to],
    );
    return rows.map((row) => ({ officerId: row.officer_id, visits: row.visits, households: row.households }));
  }

  /** Visits any of `officerIds` was on in [from, to), and the distinct households they reached. */
  async countsForOfficers(
    projectId: string,
    officerIds: readonly string[],
    from: Date,
    to: Date,
  ): Promise<{ visits: number; households: number }> {
    const [row]: Array<{ visits: number; households: number }> = await this.manager.query(
      `SELECT count(*)::int AS visits, count(DISTINCT household_id)::int AS households
       FROM visits WHERE project_id = $1 AND officer_ids && $2::uuid[] AND visited_at >= $3 AND visited_at < $4`,
      [projectId, officerIds, from, to],
    );
    return row;
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
