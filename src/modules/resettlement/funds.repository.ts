import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { TransactionHost } from '../../database/transaction-host.js';
import type { WaitingHousehold } from './domain/waiting-list.js';
import { ResettlementFundProject } from './resettlement-fund-project.entity.js';
import { ResettlementFund } from './resettlement-fund.entity.js';
import { type Page, RANKED_WAITING, VISIBLE_RANKED, WAITING } from './waiting-list.sql.js';

export interface WaitingEntry extends WaitingHousehold {
  projectId: string;
  /** 1-based place on the fund's whole waiting list, counting households the caller cannot see. */
  position: number;
  headName: string;
  pendingOfferId: string | null;
}

/** Resettlement funds, the projects they serve, and their waiting list. */
@Injectable()
export class FundsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  insertFund(fund: Partial<ResettlementFund>): Promise<ResettlementFund> {
    return this.manager.save(ResettlementFund, this.manager.create(ResettlementFund, fund));
  }

  saveFund(fund: ResettlementFund): Promise<ResettlementFund> {
    return this.manager.save(ResettlementFund, fund);
  }

  findFund(id: string): Promise<ResettlementFund | null> {
    return this.manager.findOneBy(ResettlementFund, { id });
  }

  findFundForUpdate(id: string): Promise<ResettlementFund | null> {
    return this.manager.findOne(ResettlementFund, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async projectIdsOf(fundId: string): Promise<string[]> {
    return (await this.projectIdsByFund([fundId])).get(fundId) ?? [];
  }

  async projectIdsByFund(fundIds: readonly string[]): Promise<Map<string, string[]>> {
    const links = fundIds.length
      ? await this.manager.find(ResettlementFundProject, {
          where: { fundId: In([...fundIds]) },
          order: { projectId: 'ASC' },
        })
      : [];
    const byFund = new Map<string, string[]>(fundIds.map((id) => [id, []]));
    for (const link of links) byFund.get(link.fundId)?.push(link.projectId);
    return byFund;
  }

  async replaceProjects(fundId: string, projectIds: readonly string[]): Promise<void> {
    await this.manager.delete(ResettlementFundProject, { fundId });
    if (projectIds.length) {
      await this.manager.insert(
        ResettlementFundProject,
        projectIds.map((projectId) => ({ fundId, projectId })),
      );
    }
  }

  async listFunds(
    filters: { projectId?: string; administrativeUnitId?: string },
    visibleProjectIds: string[] | undefined,
    page: Page,
  ): Promise<[ResettlementFund[], number]> {
    const builder = this.manager.createQueryBuilder(ResettlementFund, 'fund');
    if (visibleProjectIds) {
      builder.andWhere(
        `EXISTS (SELECT 1 FROM resettlement_fund_projects fp WHERE fp.fund_id = fund.id AND fp.project_id = ANY(:visible))`,
        { visible: visibleProjectIds },
      );
    }
    if (filters.projectId) {
      builder.andWhere(
        `EXISTS (SELECT 1 FROM resettlement_fund_projects fp WHERE fp.fund_id = fund.id AND fp.project_id = :projectId)`,
        { projectId: filters.projectId },
      );
    }
    if (filters.administrativeUnitId) {
      builder.andWhere('fund.administrative_unit_id = :unitId', { unitId: filters.administrativeUnitId });
    }
    return builder
      .orderBy('fund.name', 'ASC')
      .addOrderBy('fund.id', 'ASC')
      .skip(page.offset)
      .take(page.limit)
      .getManyAndCount();
  }

  async existingProjectIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await this.manager.query(`SELECT id FROM projects WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    return rows.map((row) => row.id);
  }

  async waitingList(
    fundId: string,
    visibleProjectIds: string[] | undefined,
    page: Page,
  ): Promise<[WaitingEntry[], number]> {
    const rows: Array<{
      id: string;
      project_id: string;
      code: string;
      head_name: string;
      vulnerable: boolean;
      status_changed_at: Date;
      position: number;
      pending_offer_id: string | null;
      total: number;
    }> = await this.manager.query(
      `${RANKED_WAITING}
       SELECT r.id, r.project_id, r.code, r.head_name, r.vulnerable, r.status_changed_at, r.position,
              (SELECT o.id FROM resettlement_offers o WHERE o.household_id = r.id AND o.status = 'pending') AS pending_offer_id,
              count(*) OVER ()::int AS total
       FROM ranked r ${VISIBLE_RANKED}
       ORDER BY r.position LIMIT $3 OFFSET $4`,
      [fundId, visibleProjectIds ?? null, page.limit, page.offset],
    );
    const total = rows[0]?.total ?? (await this.countWaiting(fundId, visibleProjectIds));
    return [
      rows.map((row) => ({
        householdId: row.id,
        projectId: row.project_id,
        code: row.code,
        headName: row.head_name,
        vulnerable: row.vulnerable,
        committedAt: row.status_changed_at,
        position: row.position,
        pendingOfferId: row.pending_offer_id,
      })),
      total,
    ];
  }

  private async countWaiting(fundId: string, visibleProjectIds: string[] | undefined): Promise<number> {
    const rows: { n: number }[] = await this.manager.query(
      `SELECT count(*)::int AS n ${WAITING} AND ($2::uuid[] IS NULL OR h.project_id = ANY($2::uuid[]))`,
      [fundId, visibleProjectIds ?? null],
    );
    return rows[0].n;
  }
}
