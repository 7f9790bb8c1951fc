import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { DAY_MS } from '../../common/time/civil-date.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { ProjectStatus } from '../projects/project.entity.js';
import { EVERYTHING, type Scope, withinScope } from '../access/scope.js';
import { ProjectsService } from '../projects/projects.service.js';
import { type ConsentFigures, consentFigures, FOLLOW_UP_CLOSED_STATUSES } from './domain/consent-rates.js';
import type { ListProjectStatsQuery } from './dto/list-project-stats.query.js';
import { type AggregateWindow, emptyAggregates, type ProjectHeader, StatsRepository } from './stats.repository.js';

export const RECENT_VISIT_DAYS = 30;

/** One project's consent statistics at one instant. */
export interface ProjectStats extends ConsentFigures {
  projectId: string;
  code: string;
  name: string;
  status: ProjectStatus;
  visits: { total: number; last30Days: number };
  followUps: { overdue: number };
  asOf: Date;
  /** The civil date (product time zone) that "overdue" was judged against. */
  asOfDate: string;
}

@Injectable()
export class StatsService {
  constructor(
    private readonly stats: StatsRepository,
    private readonly projects: ProjectsService,
    private readonly clock: Clock,
  ) {}

  async forProject(projectId: string): Promise<ProjectStats> {
    const [found] = await this.forProjects([projectId]);
    if (!found) throw new NotFoundError('Project', projectId);
    return found;
  }

  /** Ordered by project code; ids of projects that do not exist are left out. */
  async forProjects(projectIds: readonly string[]): Promise<ProjectStats[]> {
    return this.compute(await this.stats.projectsByIds([...new Set(projectIds)]));
  }

  /** Projects visible in `scope`, optionally narrowed to an administrative unit and its subtree. */
  async list(query: ListProjectStatsQuery, scope: Scope = EVERYTHING): Promise<[ProjectStats[], number]> {
    const inUnit = query.administrativeUnitId ? await this.projects.idsInUnit(query.administrativeUnitId) : undefined;
    const ids = withinScope(scope, inUnit);
    const [projects, total] = await this.stats.pageOfProjects({ ids, status: query.status }, query);
    return [await this.compute(projects), total];
  }

  private async compute(projects: ProjectHeader[]): Promise<ProjectStats[]> {
    const now = this.clock.now();
    const window: AggregateWindow = {
      recentSince: new Date(now.getTime() - RECENT_VISIT_DAYS * DAY_MS),
      now,
      today: this.clock.today(),
      followUpClosedStatuses: FOLLOW_UP_CLOSED_STATUSES,
    };
    const aggregates = await this.stats.aggregates(
      projects.map((project) => project.id),
      window,
    );
    return projects.map((project) => {
      const { tallies, visits, overdueFollowUps } = aggregates.get(project.id) ?? emptyAggregates();
      return {
        projectId: project.id,
        code: project.code,
        name: project.name,
        status: project.status,
        ...consentFigures(tallies, project.consentThreshold),
        visits: { total: visits.total, last30Days: visits.recent },
        followUps: { overdue: overdueFollowUps },
        asOf: now,
        asOfDate: window.today,
      };
    });
  }
}
