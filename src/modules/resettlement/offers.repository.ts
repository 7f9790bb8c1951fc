import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { TransactionHost } from '../../database/transaction-host.js';
import type { OfferCandidate } from './domain/offer-pairing.js';
import type { OfferStatus } from './domain/offer-status.js';
import type { UnitKind } from './domain/resettlement-unit.js';
import { ResettlementOffer } from './resettlement-offer.entity.js';
import { type Page, WAITING_ORDER } from './waiting-list.sql.js';

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

export interface OfferFilters {
  householdId?: string;
  fundId?: string;
  status?: OfferStatus;
}

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

/** Offers of units to households of the waiting list. */
@Injectable()
export class OffersRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

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
