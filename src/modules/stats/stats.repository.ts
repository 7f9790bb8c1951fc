import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConsentStatus } from '../households/domain/consent-status.js';
import type { ProjectStatus } from '../projects/project.entity.js';
import type { StatusTallies } from './domain/consent-rates.js';
import type { VisitWindowPlan } from './domain/visit-window.js';
import { TransactionHost } from '../../database/transaction-host.js';

/** What a statistics row says about the project itself. */
export interface ProjectHeader {
  id: string;
  code: string;
  name: string;
  status: ProjectStatus;
  consentThreshold: number;
}

export interface ProjectScope {
  /** Only these projects; every project when absent. */
  ids?: readonly string[];
  status?: ProjectStatus;
}

export interface FiguresWindow {
  /** Which buckets and visits make up `visits.recent`. */
  recentVisits: VisitWindowPlan;
  /** Civil date: a follow-up planned before it is overdue. */
  today: string;
  /** Statuses whose planned follow-ups no longer count as overdue. */
  followUpClosedStatuses: readonly ConsentStatus[];
}

export interface ProjectFigures extends ProjectHeader {
  tallies: StatusTallies;
  visits: { total: number; recent: number };
  overdueFollowUps: number;
}

/**
 * The statistics read model. Figures come from the counters the database keeps with every change
 * (migration StatsCounters): per project a few rows — one per consent status, 29 day and 23 hour
 * buckets of visits and one hour of visits themselves, the follow-up rows before today —
 * however many households it has. One statement per call, so the figures of a row come from one
 * snapshot and agree with each other.
 */
@Injectable()
export class StatsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  /** Ordered by project code; ids of projects that do not exist are left out. */
  async figures(projectIds: readonly string[], window: FiguresWindow): Promise<ProjectFigures[]> {
    if (projectIds.length === 0) return [];
    const { head, headHours, days, tailHours, tail } = window.recentVisits;
    const rows: FiguresRow[] = await this.manager.query(FIGURES_SQL, [
      projectIds,
      days.from,
      days.to,
      headHours.from,
      headHours.to,
      tailHours.from,
      tailHours.to,
      head.after,
      head.before,
      tail.from,
      tail.upTo,
      window.today,
      window.followUpClosedStatuses,
    ]);
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      status: row.status,
      consentThreshold: Number(row.consent_threshold),
      tallies: Object.fromEntries(
        Object.entries(row.tallies ?? {}).map(([status, [households, areaM2]]) => [status, { households, areaM2 }]),
      ),
      visits: { total: row.visits_total, recent: row.visits_recent },
      overdueFollowUps: row.overdue,
    }));
  }

  async pageOfProjectIds(scope: ProjectScope, page: { limit: number; offset: number }): Promise<[string[], number]> {
    if (scope.ids?.length === 0) return [[], 0];
    const builder = this.manager.createQueryBuilder().from('projects', 'p');
    if (scope.ids) builder.andWhere('p.id = ANY(:ids::uuid[])', { ids: scope.ids });
    if (scope.status) builder.andWhere('p.status = :status', { status: scope.status });
    const [counted, rows] = await Promise.all([
      builder.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>(),
      builder
        .clone()
        .select('p.id', 'id')
        .orderBy('p.code', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .limit(page.limit)
        .offset(page.offset)
        .getRawMany<{ id: string }>(),
    ]);
    return [rows.map((row) => row.id), counted?.total ?? 0];
  }
}

/**
 * Every subquery is a range of one primary key (or of visits_project_visited_idx for the two
 * partial hours); each range is its own subquery so that none turns into a scan of the project.
 * Every visit of the project counts, including those to households archived since: the visit was made.
 */
const FIGURES_SQL = `
  SELECT p.id, p.code, p.name, p.status, p.consent_threshold::text AS consent_threshold,
         (SELECT json_object_agg(c.status, json_build_array(c.households, c.area_m2))
            FROM stats_household_counters c WHERE c.project_id = p.id) AS tallies,
         coalesce((SELECT t.visits FROM stats_visit_counters t WHERE t.project_id = p.id), 0) AS visits_total,
         ( coalesce((SELECT sum(d.visits) FROM stats_visit_days d
                      WHERE d.project_id = p.id AND d.day >= $2::date AND d.day < $3::date), 0)
         + coalesce((SELECT sum(h.visits) FROM stats_visit_hours h
                      WHERE h.project_id = p.id AND h.hour >= $4 AND h.hour < $5), 0)
         + coalesce((SELECT sum(h.visits) FROM stats_visit_hours h
                      WHERE h.project_id = p.id AND h.hour >= $6 AND h.hour < $7), 0)
         + (SELECT count(*) FROM visits v WHERE v.project_id = p.id AND v.visited_at > $8 AND v.visited_at < $9)
         + (SELECT count(*) FROM visits v WHERE v.project_id = p.id AND v.visited_at >= $10 AND v.visited_at <= $11)
         )::int AS visits_recent,
         coalesce((SELECT sum(f.households) FROM stats_follow_up_counters f
                    WHERE f.project_id = p.id AND f.follow_up_on < $12::date
                      AND f.status <> ALL($13::varchar[])), 0)::int AS overdue
    FROM projects p
   WHERE p.id = ANY($1::uuid[])
   ORDER BY p.code, p.id`;

interface FiguresRow {
  id: string;
  code: string;
  name: string;
  status: ProjectStatus;
  consent_threshold: string;
  /** status → [households, area m²] */
  tallies: Partial<Record<ConsentStatus, [number, number]>> | null;
  visits_total: number;
  visits_recent: number;
  overdue: number;
}
