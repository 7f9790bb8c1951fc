import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { OfferCandidate } from './domain/offer-pairing.js';
import type { OfferStatus } from './domain/offer-status.js';
import type { UnitKind, UnitStatus } from './domain/resettlement-unit.js';
import type { WaitingHousehold } from './domain/waiting-list.js';
import { ResettlementFundProject } from './resettlement-fund-project.entity.js';
import { ResettlementFund } from './resettlement-fund.entity.js';
import { ResettlementOffer } from './resettlement-offer.entity.js';
import { ResettlementUnit } from './resettlement-unit.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { mapUniqueViolations } from '../../database/unique-violation.js';
import { UnitCodesTakenError } from './resettlement.errors.js';

export interface Page {
  limit: number;
  offset: number;
}

/** An offer with what a reader needs to know about its unit and household. */
export interface OfferView {
  offer: ResettlementOffer;
  fundId: string;
  unitCode: string;
  unitKind: UnitKind;
  areaM2: number;
  projectId: string;
  householdCode: string;
  headName: string;
}

export interface WaitingEntry extends WaitingHousehold {
  projectId: string;
  /** 1-based place on the fund's whole waiting list, counting households the caller cannot see. */
  position: number;
  headName: string;
  pendingOfferId: string | null;
}

export interface OfferFilters {
  householdId?: string;
  fundId?: string;
  status?: OfferStatus;
}

/**
 * The waiting list is a read model over the households table: households `conditional` on
 * resettlement housing in one of the fund's projects, in the order of domain/waiting-list.ts
 * (the ORDER BY below must say the same thing).
 */
const WAITING = `
  FROM households h
  JOIN resettlement_fund_projects fp ON fp.project_id = h.project_id AND fp.fund_id = $1
  WHERE h.status = 'conditional' AND h.consent_condition = 'resettlement_housing' AND h.archived_at IS NULL`;
const WAITING_ORDER = `ORDER BY h.vulnerable DESC, h.status_changed_at ASC, h.code ASC, h.id ASC`;
/** The whole waiting list ranked ($1: the fund), as a CTE `ranked`; filter it only afterwards. */
const RANKED_WAITING = `
  WITH ranked AS (
    SELECT h.id, h.project_id, h.code, h.head_name, h.vulnerable, h.status_changed_at,
           row_number() OVER (${WAITING_ORDER})::int AS position
    ${WAITING}
  )`;
/** Keeps the ranked rows of the visible projects ($2: their ids, or null for every project). */
const VISIBLE_RANKED = `WHERE ($2::uuid[] IS NULL OR r.project_id = ANY($2::uuid[]))`;

const OFFER_VIEW = `
  SELECT o.id, u.fund_id, u.code AS unit_code, u.kind AS unit_kind, u.area_m2, h.project_id,
         h.code AS household_code, h.head_name
  FROM resettlement_offers o
  JOIN resettlement_units u ON u.id = o.unit_id
  JOIN households h ON h.id = o.household_id`;

interface OfferViewRow {
  id: string;
  fund_id: string;
  unit_code: string;
  unit_kind: UnitKind;
  area_m2: string;
  project_id: string;
  household_code: string;
  head_name: string;
}

@Injectable()
export class ResettlementRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  // Funds

  insertFund(fund: Partial<ResettlementFund>): Promise<ResettlementFund> {
    return this.manager.save(ResettlementFund, this.manager.create(ResettlementFund, fund));
  }

  saveFund(fund: ResettlementFund): Promise<ResettlementFund> {
    return this.manager.save(ResettlementFund, fund);
  }

  findFund(id: string): Promise<ResettlementFund | null> {
    return this.manager.findOneBy(ResettlementFund, { id });
  }

  /** Locks the fund: offer rounds of one fund, and edits of it, queue up. */
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

  /** Funds serving at least one of `visibleProjectIds` (every fund when undefined). */
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

  /** Which of `ids` are existing projects. */
  async existingProjectIds(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: { id: string }[] = await this.manager.query(`SELECT id FROM projects WHERE id = ANY($1::uuid[])`, [
      ids,
    ]);
    return rows.map((row) => row.id);
  }

  // Units

  /** Refuses codes the fund already has, naming them all; the unique key backs the check up. */
  async insertUnits(
    fundId: string,
    rows: Array<Partial<ResettlementUnit> & { code: string }>,
  ): Promise<ResettlementUnit[]> {
    const codes = rows.map((row) => row.code);
    const taken = await this.manager.find(ResettlementUnit, {
      select: { code: true },
      where: { fundId, code: In(codes) },
      order: { code: 'ASC' },
    });
    if (taken.length)
      throw new UnitCodesTakenError(
        fundId,
        taken.map((row) => row.code),
      );
    return mapUniqueViolations(
      () =>
        this.manager.save(
          ResettlementUnit,
          rows.map((row) => this.manager.create(ResettlementUnit, { ...row, fundId })),
        ),
      { resettlement_units_fund_code_key: () => new UnitCodesTakenError(fundId, codes) },
    );
  }

  listUnits(fundId: string, status: UnitStatus | undefined, page: Page): Promise<[ResettlementUnit[], number]> {
    return this.manager.findAndCount(ResettlementUnit, {
      where: { fundId, ...(status ? { status } : {}) },
      order: { code: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
  }

  /**
   * The fund's available units, locked; a unit another transaction holds (being declined or
   * returned at this moment) is skipped, and that transaction asks for its own offer round.
   */
  lockAvailableUnits(fundId: string): Promise<ResettlementUnit[]> {
    return this.manager
      .createQueryBuilder(ResettlementUnit, 'unit')
      .where('unit.fund_id = :fundId', { fundId })
      .andWhere(`unit.status = 'available'`)
      .orderBy('unit.code', 'ASC')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  findUnitForUpdate(id: string): Promise<ResettlementUnit | null> {
    return this.manager.findOne(ResettlementUnit, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  saveUnit(unit: ResettlementUnit): Promise<ResettlementUnit> {
    return this.manager.save(ResettlementUnit, unit);
  }

  // Waiting list and offers

  /**
   * One page of the fund's waiting list as `visibleProjectIds` lets the caller see it (everything
   * when undefined). Places are ranked over the whole list first, so a household keeps its true
   * place even when others ahead of it lie outside the caller's scope; the total counts visible rows.
   */
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

  /**
   * Households of the waiting list that may receive an offer now: no pending offer (from any fund)
   * and no unit yet, with the units of this fund they have already declined or let expire.
   */
  async offerCandidates(fundId: string): Promise<OfferCandidate[]> {
    const rows: Array<{
      id: string;
      code: string;
      vulnerable: boolean;
      status_changed_at: Date;
      refused: string[] | null;
    }> = await this.manager.query(
      `SELECT h.id, h.code, h.vulnerable, h.status_changed_at,
              array_agg(o.unit_id) FILTER (WHERE o.status IN ('declined', 'expired')) AS refused
       FROM households h
       JOIN resettlement_fund_projects fp ON fp.project_id = h.project_id AND fp.fund_id = $1
       LEFT JOIN resettlement_offers o ON o.household_id = h.id
       WHERE h.status = 'conditional' AND h.consent_condition = 'resettlement_housing' AND h.archived_at IS NULL
       GROUP BY h.id
       HAVING NOT coalesce(bool_or(o.status IN ('pending', 'accepted')), false)
       ${WAITING_ORDER}`,
      [fundId],
    );
    return rows.map((row) => ({
      householdId: row.id,
      code: row.code,
      vulnerable: row.vulnerable,
      committedAt: row.status_changed_at,
      refusedUnitIds: row.refused ?? [],
    }));
  }

  async insertOffers(rows: Partial<ResettlementOffer>[]): Promise<ResettlementOffer[]> {
    if (rows.length === 0) return [];
    return this.manager.save(
      ResettlementOffer,
      rows.map((row) => this.manager.create(ResettlementOffer, row)),
    );
  }

  saveOffer(offer: ResettlementOffer): Promise<ResettlementOffer> {
    return this.manager.save(ResettlementOffer, offer);
  }

  findOfferForUpdate(id: string): Promise<ResettlementOffer | null> {
    return this.manager.findOne(ResettlementOffer, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Pending offers whose time ran out, locked; one a household is answering right now is skipped. */
  lockExpiredOffers(now: Date, limit: number): Promise<ResettlementOffer[]> {
    return this.manager
      .createQueryBuilder(ResettlementOffer, 'offer')
      .where(`offer.status = 'pending'`)
      .andWhere('offer.expires_at <= :now', { now })
      .orderBy('offer.expires_at', 'ASC')
      .addOrderBy('offer.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .getMany();
  }

  /**
   * Pending offers whose household has left the waiting list (it moved to another status, now
   * waits for something else, or was archived), locked like expired ones.
   */
  async lockOrphanedOffers(limit: number): Promise<ResettlementOffer[]> {
    return this.manager
      .createQueryBuilder(ResettlementOffer, 'offer')
      .innerJoin('households', 'h', 'h.id = offer.household_id')
      .where(`offer.status = 'pending'`)
      .andWhere(
        `(h.status <> 'conditional' OR h.consent_condition IS DISTINCT FROM 'resettlement_housing' OR h.archived_at IS NOT NULL)`,
      )
      .orderBy('offer.offered_at', 'ASC')
      .addOrderBy('offer.id', 'ASC')
      .limit(limit)
      .setLock('pessimistic_write', undefined, ['offer'])
      .setOnLocked('skip_locked')
      .getMany();
  }

  async offerViews(ids: readonly string[]): Promise<OfferView[]> {
    if (ids.length === 0) return [];
    const offers = await this.manager.find(ResettlementOffer, { where: { id: In([...ids]) } });
    const rows: OfferViewRow[] = await this.manager.query(`${OFFER_VIEW} WHERE o.id = ANY($1::uuid[])`, [ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    const order = new Map(ids.map((id, index) => [id, index]));
    return offers
      .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
      .map((offer) => toView(offer, byId.get(offer.id) as OfferViewRow));
  }

  async listOffers(
    filters: OfferFilters,
    visibleProjectIds: string[] | undefined,
    page: Page,
  ): Promise<[OfferView[], number]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (visibleProjectIds) where.push(`h.project_id = ANY(${param(visibleProjectIds)}::uuid[])`);
    if (filters.householdId) where.push(`o.household_id = ${param(filters.householdId)}`);
    if (filters.fundId) where.push(`u.fund_id = ${param(filters.fundId)}`);
    if (filters.status) where.push(`o.status = ${param(filters.status)}`);
    const condition = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const counted: { n: number }[] = await this.manager.query(
      `SELECT count(*)::int AS n FROM resettlement_offers o
       JOIN resettlement_units u ON u.id = o.unit_id
       JOIN households h ON h.id = o.household_id ${condition}`,
      params,
    );
    const rows: OfferViewRow[] = await this.manager.query(
      `${OFFER_VIEW} ${condition}
       ORDER BY o.offered_at DESC, u.code ASC, o.id ASC
       LIMIT ${param(page.limit)} OFFSET ${param(page.offset)}`,
      params,
    );
    return [await this.offerViews(rows.map((row) => row.id)), counted[0].n];
  }
}

function toView(offer: ResettlementOffer, row: OfferViewRow): OfferView {
  return {
    offer,
    fundId: row.fund_id,
    unitCode: row.unit_code,
    unitKind: row.unit_kind,
    areaM2: Number(row.area_m2),
    projectId: row.project_id,
    householdCode: row.household_code,
    headName: row.head_name,
  };
}
