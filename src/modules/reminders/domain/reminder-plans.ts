import {
  COMPLAINT_NOTICE_DAYS,
  DIALOGUE_NOTICE_MS,
  LEGAL_NOTICE_DAYS,
  REMINDER_KINDS,
  reminderKeys,
  WORKDAY_START,
} from './reminder-kinds.js';
import { addDays, atLocalTime } from '../../../common/time/civil-date.js';

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

export type LegalDeadlineType = 'earliest' | 'due' | 'ends' | 'expires';

/** A deadline a legal milestone set running (as the legal clock derives it). */
export interface LegalDeadlineFacts {
  milestoneId: string;
  milestoneKind: string;
  projectId: string;
  householdId: string | null;
  ruleCode: string;
  type: LegalDeadlineType;
  /** What must (or may) happen, in Vietnamese, as the rule states it. */
  action: string;
  legalBasis: string;
  /** The legal day (holidays already applied). */
  dueOn: string;
}

const LEGAL_DAY_WORDS: Record<LegalDeadlineType, string> = {
  earliest: 'từ ngày',
  due: 'hạn cuối',
  ends: 'kết thúc ngày',
  expires: 'hết hiệu lực ngày',
};

/**
 * A milestone deadline is announced three days ahead, at the start of the working day. Only a
 * `due` deadline (something must be done by then) can be missed: the morning after its last day an
 * overdue reminder fires, which the sweep escalates to the ward chair. The other types (a decision
 * not before, a posting period that ends, a notice that expires) only get the announcement.
 */
export function planLegalDeadline(deadline: LegalDeadlineFacts, timeZone: string): LegalDeadlinePlans {
  const { milestoneId, ruleCode, type, dueOn } = deadline;
  const when = `${LEGAL_DAY_WORDS[type]} ${formatDay(dueOn)}`;
  const common = {
    subjectType: 'legal_milestone',
    subjectId: milestoneId,
    projectId: deadline.projectId,
    householdId: deadline.householdId,
    assigneeRole: 'officer' as const,
    details: {
      milestoneId,
      milestoneKind: deadline.milestoneKind,
      ruleCode,
      deadlineType: type,
      action: deadline.action,
      legalBasis: deadline.legalBasis,
      dueOn,
    },
  };
  const approaching: ReminderPlan = {
    ...common,
    kind: REMINDER_KINDS.legalDeadlineApproaching,
    title: `Sắp đến mốc pháp lý: ${deadline.action} (${when}; ${deadline.legalBasis})`,
    dueAt: atLocalTime(addDays(dueOn, -LEGAL_NOTICE_DAYS), WORKDAY_START, timeZone),
    dedupeKey: reminderKeys.legalApproaching(milestoneId, ruleCode, type, dueOn),
  };
  const passedAt = atLocalTime(addDays(dueOn, 1), WORKDAY_START, timeZone);
  if (type !== 'due') return { approaching, overdue: null, passedAt };
  const overdue: ReminderPlan = {
    ...common,
    kind: REMINDER_KINDS.legalDeadlineOverdue,
    title: `Quá hạn pháp lý: ${deadline.action} (${when}; ${deadline.legalBasis})`,
    dueAt: passedAt,
    dedupeKey: reminderKeys.legalOverdue(milestoneId, ruleCode, type, dueOn),
  };
  return { approaching, overdue, passedAt };
}

export interface LegalDeadlinePlans {
  approaching: ReminderPlan;
  /** Null for deadlines that cannot be missed (not `due`). */
  overdue: ReminderPlan | null;
  /** The morning after the last day: an approaching reminder planned later than this is noise. */
  passedAt: Date;
}

export interface HandoverDeadlineFacts {
  enforcementRecordId: string;
  projectId: string;
  householdId: string;
  decisionNo: string;
  compliedOn: string;
  /** The last day to hand over the site (holidays already applied). */
  dueOn: string;
  legalBasis: string;
}

/**
 * A household that complied during enforcement hands over the site within 30 days (LL2024 art.
 * 89(4)): warned three days ahead, reported (and escalated) the morning after the last day.
 */
export function planHandoverDeadline(deadline: HandoverDeadlineFacts, timeZone: string): [ReminderPlan, ReminderPlan] {
  const { enforcementRecordId, householdId, dueOn } = deadline;
  const common = {
    subjectType: 'enforcement_record',
    subjectId: enforcementRecordId,
    projectId: deadline.projectId,
    householdId,
    assigneeRole: 'officer' as const,
    details: {
      enforcementRecordId,
      decisionNo: deadline.decisionNo,
      compliedOn: deadline.compliedOn,
      dueOn,
      legalBasis: deadline.legalBasis,
    },
  };
  const what = `bàn giao mặt bằng sau khi chấp hành Quyết định cưỡng chế số ${deadline.decisionNo}`;
  return [
    {
      ...common,
      kind: REMINDER_KINDS.handoverApproaching,
      title: `Sắp đến hạn ${what} (hạn cuối ${formatDay(dueOn)}; ${deadline.legalBasis})`,
      dueAt: atLocalTime(addDays(dueOn, -LEGAL_NOTICE_DAYS), WORKDAY_START, timeZone),
      dedupeKey: reminderKeys.handoverApproaching(householdId, enforcementRecordId, dueOn),
    },
    {
      ...common,
      kind: REMINDER_KINDS.handoverOverdue,
      title: `Quá hạn ${what} (hạn cuối ${formatDay(dueOn)}; ${deadline.legalBasis})`,
      dueAt: atLocalTime(addDays(dueOn, 1), WORKDAY_START, timeZone),
      dedupeKey: reminderKeys.handoverOverdue(householdId, enforcementRecordId, dueOn),
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
