import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import type { DomainEvent } from '../../events/domain-events.js';
import { OnDomainEvent } from '../../events/on-domain-event.decorator.js';
import { HouseholdsService } from '../households/households.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { RemindersService } from '../reminders/reminders.service.js';
import { followUpKeys, planFollowUp } from './domain/follow-up-reminder.js';
import { VisitsRepository } from './visits.repository.js';

/**
 * The follow-up a visit plans ("come back on …") becomes the household's one follow-up reminder.
 * A visit older than the household's last contact (a phone syncing late) changes nothing.
 */
@Injectable()
export class FollowUps {
  constructor(
    private readonly visits: VisitsRepository,
    private readonly households: HouseholdsService,
    private readonly projects: ProjectsService,
    private readonly reminders: RemindersService,
    private readonly clock: Clock,
  ) {}

  @OnDomainEvent('visit.recorded', { id: 'visits.schedule-follow-up', queue: 'reminders' })
  async scheduleFollowUp({ payload }: DomainEvent<'visit.recorded'>): Promise<void> {
    // Household first (the lock order): follow-ups of two visits of one household queue up, and
    // each decides against what the other left.
    const household = await this.households.lock(payload.householdId);
    const visit = await this.visits.findById(payload.visitId);
    if (!household || !visit) return;
    const decision = planFollowUp(
      {
        visitId: visit.id,
        householdId: household.id,
        projectId: household.projectId,
        administrativeUnitId: await this.projects.primaryUnitOf(household.projectId),
        visitedAt: visit.visitedAt,
        nextFollowUpOn: visit.nextFollowUpOn,
        lastContactAt: household.lastContactAt,
        archived: household.archivedAt !== null,
        handedOver: household.status === 'handed_over',
        code: household.code,
        headName: household.headName,
        createdBy: visit.createdBy,
      },
      this.clock.timeZone,
    );
    if (decision.action === 'ignore') return;
    await this.reminders.replace(
      followUpKeys.household(household.id),
      decision.plan ? [decision.plan] : [],
      'Đã có lần thăm hộ mới hơn',
    );
    await this.reminders.releaseDue();
  }
}
