import { addDays, type CivilDate, viDate } from '../../../../common/time/civil-date.js';
import { type ReminderPlan, workdayStart } from '../../../reminders/domain/reminder-plan.js';
import type { DeadlineType } from './milestone-deadlines.js';

export const LEGAL_REMINDER_KINDS = {
  approaching: 'legal.deadline-approaching',
  overdue: 'legal.deadline.overdue',
} as const;

/** How many days before a legal deadline the "approaching" reminder falls due. */
export const LEGAL_NOTICE_DAYS = 3;

/**
 * Deadlines whose last day is further back than this get no new reminders when their milestone's
 * reminders are brought up to date (those they have stand).
 */
export const LEGAL_LOOKBACK_DAYS = 30;

export const milestoneKeys = {
  approaching: (milestoneId: string, ruleCode: string, type: DeadlineType, dueOn: CivilDate) =>
    `legal-approaching:${milestoneId}:${ruleCode}:${type}:${dueOn}`,
  overdue: (milestoneId: string, ruleCode: string, type: DeadlineType, dueOn: CivilDate) =>
    `legal-overdue:${milestoneId}:${ruleCode}:${type}:${dueOn}`,
  /** Every reminder of a milestone (both kinds). */
  of: (milestoneId: string) => [`legal-approaching:${milestoneId}:`, `legal-overdue:${milestoneId}:`] as const,
};

/** A deadline a legal milestone set running (as the legal clock derives it). */
export interface LegalDeadlineFacts {
  milestoneId: string;
  milestoneKind: string;
  projectId: string;
  householdId: string | null;
  administrativeUnitId: string | null;
  ruleCode: string;
  type: DeadlineType;
  /** What must (or may) happen, in Vietnamese, as the rule states it. */
  action: string;
  legalBasis: string;
  /** The legal day (holidays already applied). */
  dueOn: CivilDate;
}

const LEGAL_DAY_WORDS: Record<DeadlineType, string> = {
  earliest: 'từ ngày',
  due: 'hạn cuối',
  ends: 'kết thúc ngày',
  expires: 'hết hiệu lực ngày',
};

/**
 * A milestone deadline is announced three days ahead, at the start of the working day. Only a
 * `due` deadline (something must be done by then) can be missed: the morning after its last day an
 * overdue reminder fires, which is escalated to the ward chair. The other types (a decision not
 * before, a posting period that ends, a notice that expires) only get the announcement.
 */
export function planLegalDeadline(deadline: LegalDeadlineFacts, timeZone: string): LegalDeadlinePlans {
  const { milestoneId, ruleCode, type, dueOn } = deadline;
  const when = `${LEGAL_DAY_WORDS[type]} ${viDate(dueOn)}`;
  const common = {
    subjectType: 'legal_milestone',
    subjectId: milestoneId,
    projectId: deadline.projectId,
    householdId: deadline.householdId,
    administrativeUnitId: deadline.administrativeUnitId,
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
    kind: LEGAL_REMINDER_KINDS.approaching,
    title: `Sắp đến mốc pháp lý: ${deadline.action} (${when}; ${deadline.legalBasis})`,
    dueAt: workdayStart(addDays(dueOn, -LEGAL_NOTICE_DAYS), timeZone),
    dedupeKey: milestoneKeys.approaching(milestoneId, ruleCode, type, dueOn),
  };
  const passedAt = workdayStart(addDays(dueOn, 1), timeZone);
  if (type !== 'due') return { approaching, overdue: null, passedAt };
  const overdue: ReminderPlan = {
    ...common,
    kind: LEGAL_REMINDER_KINDS.overdue,
    title: `Quá hạn pháp lý: ${deadline.action} (${when}; ${deadline.legalBasis})`,
    dueAt: passedAt,
    dedupeKey: milestoneKeys.overdue(milestoneId, ruleCode, type, dueOn),
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

/**
 * The reminders a milestone's deadlines call for at `now`: every deadline keeps its keys (so what it
 * has stands), those due from LEGAL_LOOKBACK_DAYS ago on get their reminders, and a deadline
 * already passed gets no announcement.
 */
export function milestoneReminders(
  deadlines: readonly LegalDeadlineFacts[],
  now: Date,
  today: CivilDate,
  timeZone: string,
): { plans: ReminderPlan[]; keep: string[] } {
  const from = addDays(today, -LEGAL_LOOKBACK_DAYS);
  const plans: ReminderPlan[] = [];
  const keep: string[] = [];
  for (const deadline of deadlines) {
    const { approaching, overdue, passedAt } = planLegalDeadline(deadline, timeZone);
    keep.push(approaching.dedupeKey, ...(overdue ? [overdue.dedupeKey] : []));
    if (deadline.dueOn < from) continue;
    if (passedAt.getTime() > now.getTime()) plans.push(approaching);
    if (overdue) plans.push(overdue);
  }
  return { plans, keep };
}
