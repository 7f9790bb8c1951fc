import {
  COMPLAINT_NOTICE_DAYS,
  DIALOGUE_NOTICE_MS,
  REMINDER_KINDS,
  reminderKeys,
  WORKDAY_START,
} from './reminder-kinds.js';
import { addDays, atLocalTime } from './reminder-times.js';

/**
 * What to remind, when and under which key, decided from already-loaded facts. No IO: the service
 * stores the plans, the jobs feed the facts.
 */
export interface ReminderPlan {
  kind: string;
  subjectType: string;
  subjectId: string;
  projectId: string | null;
  householdId: string | null;
  assigneeRole: 'chair' | 'officer' | null;
  title: string;
  details: Record<string, unknown>;
  dueAt: Date;
  dedupeKey: string;
}

export interface FollowUpFacts {
  visitId: string;
  householdId: string;
  projectId: string;
  visitedAt: Date;
  nextFollowUpOn: string | null;
  lastContactAt: Date | null;
  archived: boolean;
  handedOver: boolean;
  code: string;
  headName: string;
  createdBy: string;
}

export type FollowUpDecision =
  /** An older visit synced late: the newer visit's reminder stands. */
  | { action: 'ignore' }
  /** The latest visit: its follow-up (if any) replaces every other of the household. */
  | { action: 'replace'; plan: ReminderPlan | null };

export function planFollowUp(facts: FollowUpFacts, timeZone: string): FollowUpDecision {
  if (facts.lastContactAt === null || facts.lastContactAt.getTime() !== facts.visitedAt.getTime()) {
    return { action: 'ignore' };
  }
  if (!facts.nextFollowUpOn || facts.archived || facts.handedOver) return { action: 'replace', plan: null };
  return {
    action: 'replace',
    plan: {
      kind: REMINDER_KINDS.followUpDue,
      subjectType: 'household',
      subjectId: facts.householdId,
      projectId: facts.projectId,
      householdId: facts.householdId,
      assigneeRole: 'officer',
      title: `Đến hạn thăm lại hộ ${facts.headName} (${facts.code})`,
      details: {
        visitId: facts.visitId,
        visitedAt: facts.visitedAt.toISOString(),
        nextFollowUpOn: facts.nextFollowUpOn,
        householdCode: facts.code,
        lastVisitBy: facts.createdBy,
      },
      dueAt: atLocalTime(facts.nextFollowUpOn, WORKDAY_START, timeZone),
      dedupeKey: reminderKeys.followUp(facts.householdId, facts.visitId),
    },
  };
}

export interface DialogueFacts {
  id: string;
  projectId: string;
  scheduledAt: Date;
  location: string;
  chair: string;
  status: 'scheduled' | 'held' | 'cancelled';
}

/** A session still to be held is announced 24 hours ahead; null when there is nothing to announce. */
export function planDialogueUpcoming(session: DialogueFacts, timeZone: string): ReminderPlan | null {
  if (session.status !== 'scheduled') return null;
  return {
    kind: REMINDER_KINDS.dialogueUpcoming,
    subjectType: 'dialogue_session',
    subjectId: session.id,
    projectId: session.projectId,
    householdId: null,
    assigneeRole: null,
    title: `Buổi đối thoại lúc ${formatLocal(session.scheduledAt, timeZone)} tại ${session.location}`,
    details: { scheduledAt: session.scheduledAt.toISOString(), location: session.location, chair: session.chair },
    dueAt: new Date(session.scheduledAt.getTime() - DIALOGUE_NOTICE_MS),
    dedupeKey: reminderKeys.dialogueUpcoming(session.id, session.scheduledAt),
  };
}

export type ComplaintDeadlineKind = 'accept' | 'resolve';

export interface ComplaintDeadlineFacts {
  complaintId: string;
  projectId: string;
  householdId: string;
  kind: ComplaintDeadlineKind;
  /** The legal last day (holidays already applied). */
  dueOn: string;
}

const DEADLINE_WORDS: Record<ComplaintDeadlineKind, string> = { accept: 'thụ lý', resolve: 'giải quyết' };

/**
 * Law on Complaints 2011, art. 27–28: a complaint is accepted within 10 days and resolved within
 * 30 (45 when complex). Officers are warned three days ahead, at the start of the working day; the
 * morning after the last day the deadline has passed. The keys hold the due day, so an extension
 * makes new reminders (and the caller cancels the old ones).
 */
export function planComplaintDeadline(deadline: ComplaintDeadlineFacts, timeZone: string): ReminderPlan[] {
  const words = DEADLINE_WORDS[deadline.kind];
  const common = {
    subjectType: 'complaint',
    subjectId: deadline.complaintId,
    projectId: deadline.projectId,
    householdId: deadline.householdId,
    details: { complaintId: deadline.complaintId, deadline: deadline.kind, dueOn: deadline.dueOn },
  };
  return [
    {
      ...common,
      kind: REMINDER_KINDS.complaintDeadlineApproaching,
      assigneeRole: 'officer',
      title: `Sắp đến hạn ${words} khiếu nại (hạn cuối ${formatDay(deadline.dueOn)})`,
      dueAt: atLocalTime(addDays(deadline.dueOn, -COMPLAINT_NOTICE_DAYS), WORKDAY_START, timeZone),
      dedupeKey: reminderKeys.complaintApproaching(deadline.complaintId, deadline.kind, deadline.dueOn),
    },
    {
      ...common,
      kind: REMINDER_KINDS.complaintOverdue,
      assigneeRole: 'officer',
      title: `Quá hạn ${words} khiếu nại (hạn cuối ${formatDay(deadline.dueOn)})`,
      dueAt: atLocalTime(addDays(deadline.dueOn, 1), WORKDAY_START, timeZone),
      dedupeKey: reminderKeys.complaintOverdue(deadline.complaintId, deadline.kind, deadline.dueOn),
    },
  ];
}

/** `16:30 16/03/2026`, in the product's time zone. */
export function formatLocal(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')} ${part('day')}/${part('month')}/${part('year')}`;
}

/** `2026-03-16` → `16/03/2026`. */
export function formatDay(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
