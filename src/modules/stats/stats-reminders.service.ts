import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { TransactionHost } from '../../database/transaction-host.js';
import type { DomainEvent } from '../../events/domain-events.js';
import { OnDomainEvent } from '../../events/on-domain-event.decorator.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import { DIALOGUE_UPCOMING_KIND } from '../dialogues/domain/dialogue-reminder.js';
import { HOUSEHOLD_STALE_KIND } from '../households/domain/stale-reminders.js';
import { ProjectsService } from '../projects/projects.service.js';
import { RemindersService } from '../reminders/reminders.service.js';
import { planThresholdReached, planWardDigest, STATS_REMINDER_KINDS, statsKeys } from './domain/stats-reminders.js';
import { StatsService } from './stats.service.js';

/** What the figures tell ward chairs on their own: a threshold reached, the morning digest. */
@Injectable()
export class StatsReminders {
  constructor(
    private readonly tx: TransactionHost,
    private readonly stats: StatsService,
    private readonly projects: ProjectsService,
    private readonly reminders: RemindersService,
    private readonly clock: Clock,
  ) {}

  @OnDomainEvent('household.consent-changed', { id: 'stats.check-threshold', queue: 'reminders' })
  async onConsentChanged({ payload }: DomainEvent<'household.consent-changed'>): Promise<void> {
    await this.checkThreshold(payload.projectId);
  }

  @OnDomainEvent('household.archived', { id: 'stats.check-threshold-on-archive', queue: 'reminders' })
  async onArchived({ payload }: DomainEvent<'household.archived'>): Promise<void> {
    await this.checkThreshold(payload.projectId);
  }

  @OnDomainEvent('household.restored', { id: 'stats.check-threshold-on-restore', queue: 'reminders' })
  async onRestored({ payload }: DomainEvent<'household.restored'>): Promise<void> {
    await this.checkThreshold(payload.projectId);
  }

  /** Tells the chair, once per project, that the consent threshold is reached; true when it is. */
  async checkThreshold(projectId: string): Promise<boolean> {
    const stats = await this.stats.forProject(projectId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!stats?.thresholdReached) return false;
    if (await this.reminders.exists(statsKeys.threshold(projectId))) return true;
    await this.reminders.schedule(
      planThresholdReached(
        {
          projectId,
          name: stats.name,
          administrativeUnitId: await this.projects.primaryUnitOf(projectId),
          consentRate: stats.consentRate,
          consentThreshold: stats.consentThreshold,
          consentedHouseholds: stats.households.consented,
          totalHouseholds: stats.households.total,
          areaConsentRate: stats.area.consentRate,
        },
        this.clock.now(),
      ),
    );
    await this.reminders.releaseDue();
    return true;
  }

  /**
   * Daily at 07:00: one digest per ward some active project lies in — open reminders, overdue
   * follow-ups, households left silent, dialogue sessions in the next 24 hours. A second run the
   * same day adds nothing.
   */
  @HandlesJob('stats.daily-digest')
  async dailyDigest(): Promise<{ created: number; fired: number }> {
    const now = this.clock.now();
    const today = this.clock.today();
    const wards = await this.projects.activeProjectsByUnit();
    const figures = await this.reminders.wardFigures(wards, {
      digest: STATS_REMINDER_KINDS.dailyDigest,
      stale: HOUSEHOLD_STALE_KIND,
      dialogue: DIALOGUE_UPCOMING_KIND,
    });
    const overdueByProject = new Map(
      (await this.stats.forProjects([...new Set(wards.flatMap((ward) => ward.projectIds))])).map((s) => [
        s.projectId,
        s.followUps.overdue,
      ]),
    );
    const plans = wards.map((ward) =>
      planWardDigest(
        {
          unitId: ward.unitId,
          unitName: ward.unitName,
          openReminders: figures.get(ward.unitId)?.openReminders ?? 0,
          overdueFollowUps: ward.projectIds.reduce((sum, id) => sum + (overdueByProject.get(id) ?? 0), 0),
          staleHouseholds: figures.get(ward.unitId)?.staleHouseholds ?? 0,
          upcomingDialogues: figures.get(ward.unitId)?.upcomingDialogues ?? 0,
        },
        today,
        now,
      ),
    );
    const created = await this.tx.run(() => this.reminders.scheduleNew(plans));
    return { created, fired: await this.reminders.releaseDue() };
  }
}
