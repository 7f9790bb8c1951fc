import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConsentStatus } from '../households/domain/consent-status.js';
import type { ProjectStatus } from '../projects/project.entity.js';
import type { StatusTallies } from './domain/consent-rates.js';
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

export interface AggregateWindow {
  /** Visits after this instant and up to `now` are recent. */
  recentSince: Date;
  now: Date;
  /** Civil date: a follow-up planned before it is overdue. */
  today: string;
  /** Statuses whose planned follow-ups no longer count as overdue. */
  followUpClosedStatuses: readonly ConsentStatus[];
}

export interface ProjectAggregates {
  tallies: StatusTallies;
  visits: { total: number; recent: number };
  overdueFollowUps: number;
}

export function emptyAggregates(): ProjectAggregates {
  return { tallies: {}, visits: { total: 0, recent: 0 }, overdueFollowUps: 0 };
}

/**
 * The statistics read model. It reads the projects, households and visits tables directly, with
 * aggregate SQL only: a project may have 100,000 households, none of which is ever loaded. Every
 * method issues a fixed number of queries however many projects it is asked about.
 */
@Injectable()
export class StatsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  async projectsByIds(ids: readonly string[]): Promise<ProjectHeader[]> {
    if (ids.length === 0) return [];
    const rows = await this.manager
      .createQueryBuilder()
      .select(PROJECT_HEADER_COLUMNS)
      .from('projects', 'p')
      .where('p.id = ANY(:ids::uuid[])', { ids })
      .orderBy('p.code', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .getRawMany<ProjectHeaderRow>();
    return rows.map(toHeader);
  }

  async pageOfProjects(
    scope: ProjectScope,
    page: { limit: number; offset: number },
  ): Promise<[ProjectHeader[], number]> {
    if (scope.ids?.length === 0) return [[], 0];
    const builder = this.manager.createQueryBuilder().from('projects', 'p');
    if (scope.ids) builder.andWhere('p.id = ANY(:ids::uuid[])', { ids: scope.ids });
    if (scope.status) builder.andWhere('p.status = :status', { status: scope.status });
    const [counted, rows] = await Promise.all([
      builder.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>(),
      builder
        .clone()
        .select(PROJECT_HEADER_COLUMNS)
        .orderBy('p.code', 'ASC')
        .addOrderBy('p.id', 'ASC')
        .limit(page.limit)
        .offset(page.offset)
        .getRawMany<ProjectHeaderRow>(),
    ]);
    return [rows.map(toHeader), counted?.total ?? 0];
  }

  /**
   * Three aggregate queries for any number of projects, read from one snapshot so that the figures
   * of a row agree with each other (a nightly snapshot stores them side by side). Projects without
   * households or visits are absent from the map.
   */
  aggregates(projectIds: readonly string[], window: AggregateWindow): Promise<Map<string, ProjectAggregates>> {
    if (projectIds.length === 0) return Promise.resolve(new Map<string, ProjectAggregates>());
    return this.tx.run(
      async () => {
        const byProject = new Map<string, ProjectAggregates>();
        const entry = (projectId: string): ProjectAggregates => {
          let found = byProject.get(projectId);
          if (!found) byProject.set(projectId, (found = emptyAggregates()));
          return found;
        };

        for (const row of await this.householdTallies(projectIds)) {
          entry(row.project_id).tallies[row.status] = { households: row.households, areaM2: Number(row.area_m2) };
        }
        for (const row of await this.visitCounts(projectIds, window)) {
          entry(row.project_id).visits = { total: row.total, recent: row.recent };
        }
        for (const row of await this.overdueFollowUps(projectIds, window)) {
          entry(row.project_id).overdueFollowUps = row.overdue;
        }
        return byProject;
      },
      { isolation: 'REPEATABLE READ' },
    );
  }

  /** Served by the covering index households_project_status_idx (index-only once vacuumed). */
  private householdTallies(projectIds: readonly string[]): Promise<TallyRow[]> {
    return this.manager.query(
      `SELECT h.project_id, h.status, count(*)::int AS households, sum(h.land_area_m2)::text AS area_m2
         FROM households h
        WHERE h.project_id = ANY($1::uuid[]) AND h.archived_at IS NULL
        GROUP BY h.project_id, h.status`,
      [projectIds],
    );
  }

  /**
   * Every visit of the project counts, including those to households archived since: the visit was
   * made. Served by visits_project_visited_idx.
   */
  private visitCounts(projectIds: readonly string[], window: AggregateWindow): Promise<VisitCountRow[]> {
    return this.manager.query(
      `SELECT v.project_id,
              count(*)::int AS total,
              (count(*) FILTER (WHERE v.visited_at > $2::timestamptz AND v.visited_at <= $3::timestamptz))::int AS recent
         FROM visits v
        WHERE v.project_id = ANY($1::uuid[])
        GROUP BY v.project_id`,
      [projectIds, window.recentSince.toISOString(), window.now.toISOString()],
    );
  }

  /** Served by the partial index households_project_follow_up_idx (the status check reads the heap). */
  private overdueFollowUps(projectIds: readonly string[], window: AggregateWindow): Promise<OverdueRow[]> {
    return this.manager.query(
      `SELECT h.project_id, count(*)::int AS overdue
         FROM households h
        WHERE h.project_id = ANY($1::uuid[])
          AND h.archived_at IS NULL
          AND h.next_follow_up_on < $2::date
          AND h.status <> ALL($3::varchar[])
        GROUP BY h.project_id`,
      [projectIds, window.today, window.followUpClosedStatuses],
    );
  }
}

const PROJECT_HEADER_COLUMNS = [
  'p.id AS id',
  'p.code AS code',
  'p.name AS name',
  'p.status AS status',
  'p.consent_threshold AS consent_threshold',
];

interface ProjectHeaderRow {
  id: string;
  code: string;
  name: string;
  status: ProjectStatus;
  consent_threshold: string;
}

interface TallyRow {
  project_id: string;
  status: ConsentStatus;
  households: number;
  area_m2: string;
}

interface VisitCountRow {
  project_id: string;
  total: number;
  recent: number;
}

interface OverdueRow {
  project_id: string;
  overdue: number;
}

function toHeader(row: ProjectHeaderRow): ProjectHeader {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    status: row.status,
    consentThreshold: Number(row.consent_threshold),
  };
}
