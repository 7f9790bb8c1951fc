import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { InputValidationError } from '../../common/errors/domain-error.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import { ProjectsService } from '../projects/projects.service.js';
import type { ProjectStatsSnapshot } from './project-stats-snapshot.entity.js';
import { StatsService } from './stats.service.js';
import { TimelineRepository } from './timeline.repository.js';

/** Projects per round of the nightly snapshot: bounded memory, few queries. */
const SNAPSHOT_BATCH = 200;

/** The consent timeline: a nightly snapshot of every project's figures, read back as chart points. */
@Injectable()
export class TimelineService {
  constructor(
    private readonly timeline: TimelineRepository,
    private readonly stats: StatsService,
    private readonly projects: ProjectsService,
    private readonly clock: Clock,
  ) {}

  /** Idempotent: the same day's snapshot is overwritten, never duplicated. Returns projects snapped. */
  @HandlesJob('stats.snapshot')
  async snapshot(): Promise<number> {
    const takenOn = this.clock.today();
    const ids = await this.timeline.allProjectIds();
    for (let start = 0; start < ids.length; start += SNAPSHOT_BATCH) {
      const figures = await this.stats.forProjects(ids.slice(start, start + SNAPSHOT_BATCH));
      await this.timeline.upsert(
        figures.map((stats) => ({
          projectId: stats.projectId,
          takenOn,
          householdsTotal: stats.households.total,
          householdsConsented: stats.households.consented,
          householdsConditional: stats.households.byStatus.conditional,
          householdsHandedOver: stats.households.byStatus.handed_over,
          consentRate: stats.consentRate,
          handedOverRate: stats.handedOverRate,
          areaTotalM2: stats.area.totalM2,
          areaConsentedM2: stats.area.consentedM2,
          areaHandedOverM2: stats.area.handedOverM2,
          areaConsentRate: stats.area.consentRate,
          byStatus: stats.households.byStatus,
          takenAt: stats.asOf,
        })),
      );
    }
    return ids.length;
  }

  async points(projectId: string, from?: string, to?: string): Promise<ProjectStatsSnapshot[]> {
    if (from && to && to < from) {
      throw new InputValidationError({ to: [`to (${to}) is before from (${from})`] });
    }
    await this.projects.assertExists(projectId);
    return this.timeline.between(projectId, from, to);
  }
}
