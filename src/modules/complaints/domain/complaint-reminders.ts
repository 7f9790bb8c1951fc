import { addDays, type CivilDate, viDate } from '../../../common/time/civil-date.js';
import { type ReminderPlan, workdayStart } from '../../reminders/domain/reminder-plan.js';

export const COMPLAINT_REMINDER_KINDS = {
  approaching: 'complaint.deadline-approaching',
  overdue: 'complaint.overdue',
} as const;

/** How many days before a complaint deadline the "approaching" reminder falls due. */
export const COMPLAINT_NOTICE_DAYS = 3;

export type ComplaintDeadlineKind = 'accept' | 'resolve';

export const complaintKeys = {
  approaching: (complaintId: string, deadline: ComplaintDeadlineKind, dueOn: CivilDate) =>
    `complaint-approaching:${complaintId}:${deadline}:${dueOn}`,
  overdue: (complaintId: string, deadline: ComplaintDeadlineKind, dueOn: CivilDate) =>
    `complaint-overdue:${complaintId}:${deadline}:${dueOn}`,
  /** Every deadline reminder of a complaint (both kinds). */
  of: (complaintId: string) => [`complaint-approaching:${complaintId}:`, `complaint-overdue:${complaintId}:`] as const,
};

export interface ComplaintDeadlineFacts {
  complaintId: string;
  projectId: string;
  householdId: string;
  administrativeUnitId: string | null;
  kind: ComplaintDeadlineKind;
  /** The legal last day (holidays already applied). */
  dueOn: CivilDate;
}

const DEADLINE_WORDS: Record<ComplaintDeadlineKind, string> = { accept: 'thụ lý', resolve: 'giải quyết' };

/**
 * Law on Complaints 2011, art. 27–28: a complaint is accepted within 10 days and resolved within
 * 30 (45 when complex). Officers are warned three days ahead, at the start of the working day; the
 * morning after the last day the deadline has passed. The keys hold the due day, so an extension
 * makes new reminders (and the old ones are cancelled). A deadline already passed at `now` gets no
 * warning: it would only be noise beside the overdue reminder.
 */
export function planComplaintDeadline(deadline: ComplaintDeadlineFacts, now: Date, timeZone: string): ReminderPlan[] {
  const words = DEADLINE_WORDS[deadline.kind];
  const common = {
    subjectType: 'complaint',
    subjectId: deadline.complaintId,
    projectId: deadline.projectId,
    householdId: deadline.householdId,
    administrativeUnitId: deadline.administrativeUnitId,
    assigneeRole: 'officer' as const,
    details: { complaintId: deadline.complaintId, deadline: deadline.kind, dueOn: deadline.dueOn },
  };
  const overdue: ReminderPlan = {
    ...common,
    kind: COMPLAINT_REMINDER_KINDS.overdue,
    title: `Quá hạn ${words} khiếu nại (hạn cuối ${viDate(deadline.dueOn)})`,
    dueAt: workdayStart(addDays(deadline.dueOn, 1), timeZone),
    dedupeKey: complaintKeys.overdue(deadline.complaintId, deadline.kind, deadline.dueOn),
  };
  if (overdue.dueAt.getTime() <= now.getTime()) return [overdue];
  const approaching: ReminderPlan = {
    ...common,
    kind: COMPLAINT_REMINDER_KINDS.approaching,
    title: `Sắp đến hạn ${words} khiếu nại (hạn cuối ${viDate(deadline.dueOn)})`,
    dueAt: workdayStart(addDays(deadline.dueOn, -COMPLAINT_NOTICE_DAYS), timeZone),
    dedupeKey: complaintKeys.approaching(deadline.complaintId, deadline.kind, deadline.dueOn),
  };
  return [approaching, overdue];
}
