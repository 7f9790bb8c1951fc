import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { ConsentTransition } from './consent-transition.entity.js';
import type { ListHouseholdsQuery } from './dto/list-households.query.js';
import { type HouseholdListPage, listHouseholds } from './household-list.js';
import { Household } from './household.entity.js';
import { LandParcel } from './land-parcel.entity.js';
import { findByPlainSql } from '../../database/plain-reads.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { mapUniqueViolations } from '../../database/unique-violation.js';
import { HouseholdCodeTakenError } from './households.errors.js';
import type { SilentHousehold } from './domain/stale-reminders.js';
import { CONSENTED_STATUSES, type ConsentStatus } from './domain/consent-status.js';

export interface Holdout {
  householdId: string;
  code: string;
  headName: string;
  status: ConsentStatus;
  condition: string | null;
  landAreaM2: number;
  /** Since when it has been holding out: its first recorded move, or its creation. */
  since: Date;
}

const codeTaken = (code: string) => ({ households_project_code_key: () => new HouseholdCodeTakenError(code) });

@Injectable()
export class HouseholdsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  /** Plain SQL: every household route reads it, and the query builder would cost more than the lookup. */
  async findById(id: string): Promise<Household | null> {
    const [household] = await findByPlainSql(this.manager, Household, 'id = $1', [id]);
    return household ?? null;
  }

  summaries(ids: readonly string[]): Promise<Array<Pick<Household, 'id' | 'code' | 'headName' | 'address'>>> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.manager.find(Household, {
      select: { id: true, code: true, headName: true, address: true },
      where: { id: In([...ids]) },
    });
  }

  /** How many of these households are live, not handed over, with a follow-up planned before `today`. */
  async countOverdue(ids: readonly string[], today: string): Promise<number> {
    if (ids.length === 0) return 0;
    const [row]: Array<{ n: number }> = await this.manager.query(
      `SELECT count(*)::int AS n FROM households
       WHERE id = ANY($1::uuid[]) AND archived_at IS NULL AND status <> 'handed_over' AND next_follow_up_on < $2`,
      [ids, today],
    );
    return row.n;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.projectOf(id)) !== null;
  }

  /** The project of a household, or null: plain SQL, since the access guard asks it on every household route. */
  async projectOf(id: string): Promise<string | null> {
    const rows: Array<{ project_id: string }> = await this.manager.query(
      `SELECT project_id FROM households WHERE id = $1`,
      [id],
    );
    return rows[0]?.project_id ?? null;
  }

  /** Locks the row for the rest of the transaction: status changes and visits on one household queue up. */
  async findByIdForUpdate(id: string): Promise<Household | null> {
    const [household] = await findByPlainSql(this.manager, Household, 'id = $1', [id], { forUpdate: true });
    return household ?? null;
  }

  /** The parcels of these households, by household. */
  async parcelsOfMany(householdIds: readonly string[]): Promise<Map<string, LandParcel[]>> {
    const parcels = householdIds.length
      ? await this.manager.find(LandParcel, {
          where: { householdId: In([...householdIds]) },
          order: { mapSheet: 'ASC', parcelNumber: 'ASC' },
        })
      : [];
    const byHousehold = new Map<string, LandParcel[]>();
    for (const parcel of parcels)
      byHousehold.set(parcel.householdId, [...(byHousehold.get(parcel.householdId) ?? []), parcel]);
    return byHousehold;
  }

  parcelsOf(householdId: string): Promise<LandParcel[]> {
    return findByPlainSql(this.manager, LandParcel, 'household_id = $1', [householdId], {
      orderBy: 'map_sheet, parcel_number',
    });
  }

  list(projectId: string, query: ListHouseholdsQuery, today: string): Promise<HouseholdListPage> {
    return listHouseholds(this.manager, projectId, query, today);
  }

  async findLiveIdsInProject(projectId: string, ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.manager.find(Household, {
      select: { id: true, archivedAt: true },
      where: { projectId, id: In([...ids]) },
    });
    return rows.filter((row) => row.archivedAt === null).map((row) => row.id);
  }

  async insert(household: Partial<Household> & { code: string }, parcels: Partial<LandParcel>[]): Promise<Household> {
    const saved = await mapUniqueViolations(
      () => this.manager.save(Household, this.manager.create(Household, household)),
      codeTaken(household.code),
    );
    await this.replaceParcels(saved.id, parcels);
    return saved;
  }

  save(household: Household): Promise<Household> {
    return mapUniqueViolations(() => this.manager.save(Household, household), codeTaken(household.code));
  }

  /**
   * Parcels are a value list owned by the household: an edit replaces the list. The household row
   * itself is never deleted.
   */
  async replaceParcels(householdId: string, parcels: Partial<LandParcel>[]): Promise<void> {
    await this.manager.delete(LandParcel, { householdId });
    if (parcels.length)
      await this.manager.insert(
        LandParcel,
        parcels.map((parcel) => ({ ...parcel, householdId })),
      );
  }

  async appendTransition(row: Partial<ConsentTransition>): Promise<ConsentTransition> {
    return this.manager.save(ConsentTransition, this.manager.create(ConsentTransition, row));
  }

  /**
   * Live, not handed-over households of these projects silent (since their last contact, or since
   * they were registered) for longer than their project allows at `now`, one page in id order.
   */
  async silentHouseholds(
    limits: ReadonlyArray<{ id: string; staleAfterDays: number }>,
    now: Date,
    after: string | null,
    limit: number,
  ): Promise<Array<Omit<SilentHousehold, 'administrativeUnitId'>>> {
    if (limits.length === 0) return [];
    const rows: Array<{
      id: string;
      project_id: string;
      code: string;
      head_name: string;
      last_contact_at: Date | null;
      silent_since: Date;
      stale_after_days: number;
    }> = await this.manager.query(
      `SELECT h.id, h.project_id, h.code, h.head_name, h.last_contact_at,
              COALESCE(h.last_contact_at, h.created_at) AS silent_since, p.stale_after_days
       FROM households h
       JOIN unnest($1::uuid[], $2::int[]) AS p(id, stale_after_days) ON p.id = h.project_id
       WHERE h.archived_at IS NULL AND h.status <> 'handed_over'
         AND COALESCE(h.last_contact_at, h.created_at) + p.stale_after_days * interval '1 day' <= $3
         AND ($4::uuid IS NULL OR h.id > $4::uuid)
       ORDER BY h.id
       LIMIT $5`,
      [limits.map((l) => l.id), limits.map((l) => l.staleAfterDays), now, after, limit],
    );
    return rows.map((row) => ({
      householdId: row.id,
      projectId: row.project_id,
      code: row.code,
      headName: row.head_name,
      lastContactAt: row.last_contact_at,
      silentSince: row.silent_since,
      staleAfterDays: row.stale_after_days,
    }));
  }

  async transitionLocation(id: string): Promise<{ projectId: string; householdId: string } | null> {
    const rows: Array<{ project_id: string; household_id: string }> = await this.manager.query(
      `SELECT project_id, household_id FROM consent_transitions WHERE id = $1`,
      [id],
    );
    return rows[0] ? { projectId: rows[0].project_id, householdId: rows[0].household_id } : null;
  }

  /**
   * The project's households by status as they stood at each instant: those created before it and
   * not archived by then, each in the status of its last move before it (not_contacted before any),
   * with its land area. One row per instant (its index in `instants`) and status present.
   */
  async statusesAsOf(
    projectId: string,
    instants: readonly Date[],
  ): Promise<Array<{ index: number; status: ConsentStatus; households: number; areaM2: number }>> {
    if (instants.length === 0) return [];
    const rows: Array<{ index: number; status: ConsentStatus; households: number; area_m2: string }> =
      await this.manager.query(
        `SELECT e.index::int AS index, coalesce(last.to_status, 'not_contacted') AS status,
                count(*)::int AS households, coalesce(sum(h.land_area_m2), 0)::text AS area_m2
           FROM unnest($2::timestamptz[]) WITH ORDINALITY AS e(until, index)
           JOIN households h ON h.project_id = $1 AND h.created_at < e.until
                            AND (h.archived_at IS NULL OR h.archived_at >= e.until)
           LEFT JOIN LATERAL (SELECT t.to_status FROM consent_transitions t
                                WHERE t.household_id = h.id AND t.at < e.until
                                ORDER BY t.at DESC, t.id DESC LIMIT 1) last ON true
          GROUP BY 1, 2
          ORDER BY 1, 2`,
        [projectId, instants],
      );
    return rows.map((row) => ({
      index: row.index - 1,
      status: row.status,
      households: row.households,
      areaM2: Number(row.area_m2),
    }));
  }

  /**
   * Live households not (yet) consented, longest holding out first: since their first recorded move
   * (contact began), or their creation when none.
   */
  async longestHoldouts(projectId: string, limit: number): Promise<Holdout[]> {
    const rows: Array<{
      id: string;
      code: string;
      head_name: string;
      status: ConsentStatus;
      consent_condition: string | null;
      land_area_m2: string;
      since: Date;
    }> = await this.manager.query(
      `SELECT h.id, h.code, h.head_name, h.status, h.consent_condition, h.land_area_m2::text AS land_area_m2,
              coalesce((SELECT min(t.at) FROM consent_transitions t WHERE t.household_id = h.id), h.created_at) AS since
         FROM households h
        WHERE h.project_id = $1 AND h.archived_at IS NULL AND h.status <> ALL($2::varchar[])
        ORDER BY since, h.code
        LIMIT $3`,
      [projectId, CONSENTED_STATUSES, limit],
    );
    return rows.map((row) => ({
      householdId: row.id,
      code: row.code,
      headName: row.head_name,
      status: row.status,
      condition: row.consent_condition,
      landAreaM2: Number(row.land_area_m2),
      since: row.since,
    }));
  }

  /** Live households not consented, by status and condition, with their area. */
  async holdoutsByCondition(
    projectId: string,
  ): Promise<Array<{ status: ConsentStatus; condition: string | null; households: number; areaM2: number }>> {
    const rows: Array<{ status: ConsentStatus; condition: string | null; households: number; area_m2: string }> =
      await this.manager.query(
        `SELECT status, consent_condition AS condition, count(*)::int AS households, sum(land_area_m2)::text AS area_m2
           FROM households
          WHERE project_id = $1 AND archived_at IS NULL AND status <> ALL($2::varchar[])
          GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2`,
        [projectId, CONSENTED_STATUSES],
      );
    return rows.map(({ status, condition, households, area_m2 }) => ({
      status,
      condition,
      households,
      areaM2: Number(area_m2),
    }));
  }

  history(householdId: string): Promise<ConsentTransition[]> {
    return this.manager.find(ConsentTransition, { where: { householdId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /**
   * Live, not handed-over households of these projects (and only these households, when given)
   * that need a visit by the end of `date`: a follow-up planned on or before it, or silent longer
   * than their project allows at `endOfDay`. Most urgent first; at most `limit`.
   */
  async needingVisit(
    limits: ReadonlyArray<{ id: string; staleAfterDays: number }>,
    householdIds: readonly string[] | null,
    date: string,
    endOfDay: Date,
    limit: number,
  ): Promise<AgendaHousehold[]> {
    if (limits.length === 0 || householdIds?.length === 0) return [];
    const rows: Array<{
      id: string;
      project_id: string;
      code: string;
      head_name: string;
      address: string | null;
      status: string;
      next_follow_up_on: string | null;
      last_contact_at: Date | null;
      silent_since: Date;
      stale_after_days: number;
    }> = await this.manager.query(
      `SELECT h.id, h.project_id, h.code, h.head_name, h.address, h.status, h.next_follow_up_on::text AS next_follow_up_on,
              h.last_contact_at, COALESCE(h.last_contact_at, h.created_at) AS silent_since, p.stale_after_days
       FROM households h
       JOIN unnest($1::uuid[], $2::int[]) AS p(id, stale_after_days) ON p.id = h.project_id
       WHERE h.archived_at IS NULL AND h.status <> 'handed_over'
         AND ($3::uuid[] IS NULL OR h.id = ANY($3::uuid[]))
         AND (h.next_follow_up_on <= $4::date
              OR COALESCE(h.last_contact_at, h.created_at) + p.stale_after_days * interval '1 day' <= $5)
       ORDER BY h.next_follow_up_on NULLS LAST, silent_since, h.code
       LIMIT $6`,
      [limits.map((l) => l.id), limits.map((l) => l.staleAfterDays), householdIds, date, endOfDay, limit],
    );
    return rows.map((row) => ({
      householdId: row.id,
      projectId: row.project_id,
      code: row.code,
      headName: row.head_name,
      address: row.address,
      status: row.status,
      nextFollowUpOn: row.next_follow_up_on,
      lastContactAt: row.last_contact_at,
      silentSince: row.silent_since,
      staleAfterDays: row.stale_after_days,
    }));
  }
}

/** What an agenda needs of a household that needs a visit. */
export interface AgendaHousehold {
  householdId: string;
  projectId: string;
  code: string;
  headName: string;
  address: string | null;
  status: string;
  nextFollowUpOn: string | null;
  lastContactAt: Date | null;
  silentSince: Date;
  staleAfterDays: number;
}
