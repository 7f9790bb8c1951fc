import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { TransactionHost } from '../../database/transaction-host.js';
import type { Scope } from '../access/scope.js';
import { CommitmentUpdate } from './commitment-update.entity.js';
import { Commitment } from './commitment.entity.js';
import type { CommitmentStatus } from './domain/commitment.rules.js';

export interface CommitmentFilter {
  administrativeUnitId?: string;
  year?: number;
  status?: CommitmentStatus;
  reviewed?: boolean;
  ownerId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class CommitmentsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  findById(id: string): Promise<Commitment | null> {
    return this.manager.findOneBy(Commitment, { id });
  }

  findByIdForUpdate(id: string): Promise<Commitment | null> {
    return this.manager.findOne(Commitment, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async locationOf(id: string): Promise<{ projectId: string | null; administrativeUnitId: string } | null> {
    const rows: Array<{ project_id: string | null; administrative_unit_id: string }> = await this.manager.query(
      `SELECT project_id, administrative_unit_id FROM commitments WHERE id = $1`,
      [id],
    );
    return rows[0] ? { projectId: rows[0].project_id, administrativeUnitId: rows[0].administrative_unit_id } : null;
  }

  /**
   * Commitments the scope sees (those of its projects, and those of its units that name no project),
   * by year, unit and title.
   */
  list(scope: Scope, filter: CommitmentFilter): Promise<[Commitment[], number]> {
    const builder = this.manager
      .createQueryBuilder(Commitment, 'c')
      .orderBy('c.year', 'DESC')
      .addOrderBy('c.deadline', 'ASC')
      .addOrderBy('c.title', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (!scope.all) {
      builder.andWhere(
        `(c.project_id = ANY(:projectIds::uuid[])
          OR (c.project_id IS NULL AND c.administrative_unit_id = ANY(:unitIds::uuid[])))`,
        { projectIds: scope.projectIds, unitIds: scope.unitIds },
      );
    }
    if (filter.administrativeUnitId) {
      builder.andWhere('c.administrative_unit_id = :unitId', { unitId: filter.administrativeUnitId });
    }
    if (filter.year !== undefined) builder.andWhere('c.year = :year', { year: filter.year });
    if (filter.status) builder.andWhere('c.status = :status', { status: filter.status });
    if (filter.ownerId) builder.andWhere('c.owner_id = :ownerId', { ownerId: filter.ownerId });
    if (filter.reviewed !== undefined) {
      builder.andWhere(filter.reviewed ? 'c.reviewed_at IS NOT NULL' : 'c.reviewed_at IS NULL');
    }
    return builder.getManyAndCount();
  }

  insert(values: Partial<Commitment>): Promise<Commitment> {
    return this.manager.save(Commitment, this.manager.create(Commitment, values));
  }

  save(commitment: Commitment): Promise<Commitment> {
    return this.manager.save(Commitment, commitment);
  }

  updatesOf(commitmentIds: readonly string[]): Promise<CommitmentUpdate[]> {
    if (commitmentIds.length === 0) return Promise.resolve([]);
    return this.manager
      .createQueryBuilder(CommitmentUpdate, 'u')
      .where('u.commitment_id = ANY(:ids::uuid[])', { ids: commitmentIds })
      .orderBy('u.seq', 'ASC')
      .getMany();
  }

  async insertUpdate(values: Omit<CommitmentUpdate, 'id' | 'seq'>): Promise<CommitmentUpdate> {
    const update = this.manager.create(CommitmentUpdate, values);
    await this.manager.insert(CommitmentUpdate, update);
    return update;
  }
}
