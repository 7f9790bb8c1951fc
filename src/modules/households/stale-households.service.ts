import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { toLocalDate } from '../../common/time/civil-date.js';
import { TransactionHost } from '../../database/transaction-host.js';
import type { DomainEvent } from '../../events/domain-events.js';
import { OnDomainEvent } from '../../events/on-domain-event.decorator.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import { ProjectsService } from '../projects/projects.service.js';
import { RemindersService } from '../reminders/reminders.service.js';
import { planStaleReminder, staleKeys } from './domain/stale-reminders.js';
import { HouseholdsRepository } from './households.repository.js';

const PAGE = 1_000;

/**
 * Households nobody has visited for longer than their project allows (`staleAfterDays`): one
 * reminder per silence, made by a daily job, made moot by the next contact.
 */
@Injectable()
export class StaleHouseholds {
  constructor(
    private readonly tx: TransactionHost,
    private readonly households: HouseholdsRepository,
    private readonly projects: ProjectsService,
    private readonly reminders: RemindersService,
    private readonly clock: Clock,
  ) {}

  /** Daily. A silence already reminded of is not reminded of again, however often this runs. */
  @HandlesJob('households.find-stale')
  async findStale(): Promise<{ created: number; fired: number }> {
    const now = this.clock.now();
    const limits = await this.projects.activeWithStaleLimits();
    const units = await this.projects.primaryUnitsOf(limits.map((project) => project.id));
    let created = 0;
    for (let after: string | null = null; ;) {
      const page = await this.households.silentHouseholds(limits, now, after, PAGE);
      if (page.length === 0) break;
      created += await this.tx.run(() =>
        this.reminders.scheduleNew(
          page.map((silent) =>
            planStaleReminder(
              { ...silent, administrativeUnitId: units.get(silent.projectId) ?? null },
              this.clock.timeZone,
            ),
          ),
        ),
      );
      if (page.length < PAGE) break;
      after = page[page.length - 1].householdId;
    }
    return { created, fired: await this.reminders.releaseDue() };
  }

  /** Contact ends a silence: its reminder is moot (one for a silence since the visit's own day stays). */
  @OnDomainEvent('visit.recorded', { id: 'households.end-silence', queue: 'reminders' })
  async endSilence({ payload }: DomainEvent<'visit.recorded'>): Promise<void> {
    // An older visit synced late ends nothing: the silence that counts began with the newer one.
    const household = await this.households.findById(payload.householdId);
    if (household?.lastContactAt?.getTime() !== Date.parse(payload.visitedAt)) return;
    const visitDay = toLocalDate(new Date(payload.visitedAt), this.clock.timeZone);
    await this.reminders.cancel(
      {
        prefix: staleKeys.household(payload.householdId),
        exceptKeys: [staleKeys.of(payload.householdId, visitDay)],
      },
      'Hộ đã được tiếp xúc lại',
    );
  }
}
