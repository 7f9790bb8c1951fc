import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { ProjectStatus } from '../projects/project.entity.js';
import { EVERYTHING, type Scope, withinScope } from '../access/scope.js';
import { ProjectsService } from '../projects/projects.service.js';
import { type ConsentFigures, consentFigures, FOLLOW_UP_CLOSED_STATUSES } from './domain/consent-rates.js';
import type { ListProjectStatsQuery } from './dto/list-project-stats.query.js';
import { recentVisitWindow } from './domain/visit-window.js';
import { type FiguresWindow, StatsRepository } from './stats.repository.js';

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

  /**
   * Ordered by project code; ids of projects that do not exist are left out. Reads the counters: a
   * few rows per project, whatever its size. A unit's figures are those of its projects (households
   * belong to a project, not to a unit): callers sum these rows, one per project.
   */
  async forProjects(projectIds: readonly string[]): Promise<ProjectStats[]> {
    return this.compute([...new Set(projectIds)]);
  }

  /** Projects visible in `scope`, optionally narrowed to an administrative unit and its subtree. */
  async list(query: ListProjectStatsQuery, scope: Scope = EVERYTHING): Promise<[ProjectStats[], number]> {
    const inUnit = query.administrativeUnitId ? await this.projects.idsInUnit(query.administrativeUnitId) : undefined;
    const ids = withinScope(scope, inUnit);
    const [page, total] = await this.stats.pageOfProjectIds({ ids, status: query.status }, query);
    return [await this.compute(page), total];
  }

  private async compute(projectIds: string[]): Promise<ProjectStats[]> {
    const now = this.clock.now();
    const window: FiguresWindow = {
      recentVisits: recentVisitWindow(now),
      today: this.clock.today(),
      followUpClosedStatuses: FOLLOW_UP_CLOSED_STATUSES,
    };
    const figures = await this.stats.figures(projectIds, window);
    return figures.map((project) => ({
      projectId: project.id,
      code: project.code,
      name: project.name,
      status: project.status,
      ...consentFigures(project.tallies, project.consentThreshold),
      visits: { total: project.visits.total, last30Days: project.visits.recent },
      followUps: { overdue: project.overdueFollowUps },
      asOf: now,
      asOfDate: window.today,
    }));
  }
}
