import { Injectable } from '@nestjs/common';
import { Clock } from '../../../common/clock/clock.js';
import { TransactionHost } from '../../../database/transaction-host.js';
import type { DomainEvent } from '../../../events/domain-events.js';
import { OnDomainEvent } from '../../../events/on-domain-event.decorator.js';
import { ProjectsService } from '../../projects/projects.service.js';
import { RemindersService } from '../../reminders/reminders.service.js';
import { milestoneKeys, milestoneReminders } from './domain/milestone-reminders.js';
import { MilestonesService } from './milestones.service.js';

/**
 * The reminders of legal milestones' deadlines. Deadlines are derived from the rules and the holiday
 * calendar as they are now, so the reminders are brought in line whenever one of the three changes:
 * a milestone recorded (its project's, as one milestone can meet another's deadline), a rule or a
 * holiday edited (every project's). Each run re-derives, so running it twice changes nothing.
 */
@Injectable()
export class MilestoneReminders {
  constructor(
    private readonly tx: TransactionHost,
    private readonly milestones: MilestonesService,
    private readonly projects: ProjectsService,
    private readonly reminders: RemindersService,
    private readonly clock: Clock,
  ) {}

  @OnDomainEvent('legal-milestone.recorded', { id: 'legal-clock.remind-project-milestones', queue: 'reminders' })
  async onMilestoneRecorded({ payload }: DomainEvent<'legal-milestone.recorded'>): Promise<void> {
    await this.syncProject(payload.projectId);
    await this.reminders.releaseDue();
  }

  @OnDomainEvent('deadline-rule.changed', { id: 'legal-clock.remind-milestones-on-rule', queue: 'reminders' })
  async onRuleChanged(): Promise<void> {
    await this.syncAll();
  }

  @OnDomainEvent('legal-calendar.changed', { id: 'legal-clock.remind-milestones-on-calendar', queue: 'reminders' })
  async onCalendarChanged(): Promise<void> {
    await this.syncAll();
  }

  private async syncAll(): Promise<void> {
    for (const projectId of await this.milestones.projectsWithMilestones()) await this.syncProject(projectId);
    await this.reminders.releaseDue();
  }

  private syncProject(projectId: string): Promise<void> {
    return this.tx.run(async () => {
      const unitId = await this.projects.primaryUnitOf(projectId);
      for (const [milestoneId, deadlines] of await this.milestones.openDeadlinesOfProject(projectId)) {
        const { plans, keep } = milestoneReminders(
          deadlines.map((deadline) => ({ ...deadline, administrativeUnitId: unitId })),
          this.clock.now(),
          this.clock.today(),
          this.clock.timeZone,
        );
        await this.reminders.replace(
          milestoneKeys.of(milestoneId),
          plans,
          'Mốc pháp lý không còn áp dụng (quy tắc thời hạn hoặc lịch nghỉ đã thay đổi)',
          keep,
        );
      }
    });
  }
}
