import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { InputValidationError } from '../../common/errors/domain-error.js';
import { addDays, addDaysToInstant, atLocalTime, type CivilDate, toLocalDate } from '../../common/time/civil-date.js';
import type { Holdout } from '../households/households.repository.js';
import { HouseholdsService } from '../households/households.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import {
  countPeriods,
  type Granularity,
  MAX_HISTORY_POINTS,
  type Period,
  periodsBetween,
} from './domain/consent-history.js';
import { type ConsentForecast, forecastConsent } from './domain/consent-forecast.js';
import { type ConsentFigures, consentFigures, type StatusTallies } from './domain/consent-rates.js';

export interface HistoryPoint {
  period: Period;
  figures: ConsentFigures;
}

export interface ProjectForecast {
  forecast: ConsentForecast;
  window: Period;
  total: number;
  consented: number;
  consentThreshold: number;
  holdouts: Holdout[];
}

/** How many of the longest holdouts a forecast names. */
const HOLDOUTS_NAMED = 10;

/**
 * Consent over time as the consent-transition history tells it (not the nightly snapshots), at any
 * granularity, and a forecast of when a project reaches its threshold and 100 % from its recent pace.
 */
@Injectable()
export class ConsentHistoryService {
  constructor(
    private readonly households: HouseholdsService,
    private readonly projects: ProjectsService,
    private readonly clock: Clock,
  ) {}

  async history(
    projectId: string,
    query: { granularity: Granularity; from?: CivilDate; to?: CivilDate },
  ): Promise<HistoryPoint[]> {
    const { project } = await this.projects.get(projectId);
    const today = this.clock.today();
    const to = query.to ?? today;
    const from = query.from ?? toLocalDate(project.createdAt, this.clock.timeZone);
    if (to < from) throw new InputValidationError({ to: [`to (${to}) is before from (${from})`] });
    if (countPeriods(from, to, query.granularity) > MAX_HISTORY_POINTS) {
      throw new InputValidationError({
        granularity: [`more than ${MAX_HISTORY_POINTS} points; choose a coarser granularity or a shorter range`],
      });
    }
    const periods = periodsBetween(from, to, query.granularity);
    const tallies = await this.talliesAt(
      projectId,
      periods.map((period) => this.endOf(period.end)),
    );
    return periods.map((period, index) => ({
      period,
      figures: consentFigures(tallies[index], project.consentThreshold),
    }));
  }

  async forecast(projectId: string, weeks: number): Promise<ProjectForecast> {
    const { project } = await this.projects.get(projectId);
    const now = this.clock.now();
    const ends = Array.from({ length: weeks + 1 }, (_, index) => addDaysToInstant(now, -7 * (weeks - index)));
    const tallies = await this.talliesAt(projectId, ends);
    const figures = tallies.map((tally) => consentFigures(tally, project.consentThreshold));
    const latest = figures[figures.length - 1];
    const today = this.clock.today();
    return {
      forecast: forecastConsent({
        today,
        consentedAtWeekEnds: figures.map((f) => f.households.consented),
        total: latest.households.total,
        threshold: project.consentThreshold,
      }),
      window: { start: addDays(today, -7 * weeks), end: today },
      total: latest.households.total,
      consented: latest.households.consented,
      consentThreshold: project.consentThreshold,
      holdouts: await this.households.longestHoldouts(projectId, HOLDOUTS_NAMED),
    };
  }

  /** The first instant after a civil day, or now for today and later: the figures as they stood at its end. */
  private endOf(day: CivilDate): Date {
    const end = atLocalTime(addDays(day, 1), '00:00', this.clock.timeZone);
    const now = this.clock.now();
    return end < now ? end : now;
  }

  private async talliesAt(projectId: string, instants: readonly Date[]): Promise<StatusTallies[]> {
    const tallies: StatusTallies[] = instants.map(() => ({}));
    for (const row of await this.households.statusesAsOf(projectId, instants)) {
      tallies[row.index][row.status] = { households: row.households, areaM2: row.areaM2 };
    }
    return tallies;
  }
}
