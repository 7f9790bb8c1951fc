import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import type { DomainEvent } from '../../events/domain-events.js';
import { EventBus } from '../../events/event-bus.service.js';
import { OnDomainEvent } from '../../events/on-domain-event.decorator.js';
import { LegalCalendarService } from '../legal-clock/legal-calendar.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { RemindersService } from '../reminders/reminders.service.js';
import {
  COMPLAINT_REMINDER_KINDS,
  type ComplaintDeadlineKind,
  complaintKeys,
  planComplaintDeadline,
} from './domain/complaint-reminders.js';
import { openDeadline } from './domain/complaint.rules.js';
import { ComplaintsRepository } from './complaints.repository.js';
import { ComplaintsService } from './complaints.service.js';

/**
 * A complaint's reminders follow its running deadline (accept within 10 days, then resolve within
 * 30/45/60): each change of the complaint replaces them; an edited deadline rule recomputes the
 * deadlines stored with it; and a passed deadline is announced as `complaint.overdue`.
 */
@Injectable()
export class ComplaintReminders {
  constructor(
    private readonly complaints: ComplaintsRepository,
    private readonly service: ComplaintsService,
    private readonly calendar: LegalCalendarService,
    private readonly projects: ProjectsService,
    private readonly reminders: RemindersService,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  @OnDomainEvent('complaint.changed', { id: 'complaints.remind-deadline', queue: 'reminders' })
  async onChanged({ payload }: DomainEvent<'complaint.changed'>): Promise<void> {
    // The complaint as it is now: two quick steps' events may arrive in either order.
    const complaint = await this.complaints.findByIdForUpdate(payload.complaintId);
    if (!complaint) return;
    const deadline = openDeadline(complaint);
    const plans = deadline
      ? planComplaintDeadline(
          {
            complaintId: complaint.id,
            projectId: complaint.projectId,
            householdId: complaint.householdId,
            administrativeUnitId: await this.projects.primaryUnitOf(complaint.projectId),
            kind: deadline.kind,
            dueOn: deadline.dueOn,
          },
          this.clock.now(),
          this.clock.timeZone,
        )
      : [];
    await this.reminders.replace(
      complaintKeys.of(complaint.id),
      plans,
      deadline ? 'Hạn khiếu nại đã thay đổi' : 'Hạn khiếu nại không còn áp dụng (đã thụ lý, gia hạn hoặc kết thúc)',
    );
    await this.reminders.releaseDue();
  }

  @OnDomainEvent('deadline-rule.changed', { id: 'complaints.recompute-deadlines', queue: 'maintenance' })
  async onRuleChanged({ payload }: DomainEvent<'deadline-rule.changed'>): Promise<void> {
    const rule = await this.calendar.ruleById(payload.ruleId);
    if (rule) await this.service.recomputeForRule(rule);
  }

  /** API clients hear of a passed complaint deadline as its own event, not as a reminder. */
  @OnDomainEvent('reminders.fired', { id: 'complaints.announce-overdue' })
  async onRemindersFired({ payload }: DomainEvent<'reminders.fired'>): Promise<void> {
    for (const reminder of payload.reminders.filter((r) => r.kind === COMPLAINT_REMINDER_KINDS.overdue)) {
      const { deadline, dueOn } = reminder.details as { deadline?: ComplaintDeadlineKind; dueOn?: string };
      await this.events.publish('complaint.overdue', {
        complaintId: reminder.subjectId,
        projectId: reminder.projectId,
        householdId: reminder.householdId,
        deadline: deadline ?? null,
        dueOn: dueOn ?? null,
      });
    }
  }
}
