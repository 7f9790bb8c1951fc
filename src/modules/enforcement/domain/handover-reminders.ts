import { addDays, type CivilDate, viDate } from '../../../common/time/civil-date.js';
import { type ReminderPlan, workdayStart } from '../../reminders/domain/reminder-plan.js';

export const HANDOVER_REMINDER_KINDS = {
  approaching: 'enforcement.handover-approaching',
  overdue: 'enforcement.handover.overdue',
} as const;

/** How many days before the hand-over deadline the "approaching" reminder falls due. */
export const HANDOVER_NOTICE_DAYS = 3;

export const handoverKeys = {
  approaching: (householdId: string, recordId: string, dueOn: CivilDate) =>
    `enforcement-handover:${householdId}:approaching:${recordId}:${dueOn}`,
  overdue: (householdId: string, recordId: string, dueOn: CivilDate) =>
    `enforcement-handover:${householdId}:overdue:${recordId}:${dueOn}`,
  /** Both kinds, every record of the household. */
  household: (householdId: string) => `enforcement-handover:${householdId}:`,
};

export interface HandoverDeadlineFacts {
  enforcementRecordId: string;
  projectId: string;
  householdId: string;
  administrativeUnitId: string | null;
  decisionNo: string;
  compliedOn: CivilDate;
  /** The last day to hand over the site (holidays already applied). */
  dueOn: CivilDate;
  legalBasis: string;
}

/**
 * A household that complied during enforcement hands over the site within 30 days (LL2024 art.
 * 89(4)): warned three days ahead, reported (and escalated) the morning after the last day. A
 * deadline already passed at `now` gets no warning.
 */
export function planHandoverDeadline(deadline: HandoverDeadlineFacts, now: Date, timeZone: string): ReminderPlan[] {
  const { enforcementRecordId, householdId, dueOn } = deadline;
  const common = {
    subjectType: 'enforcement_record',
    subjectId: enforcementRecordId,
    projectId: deadline.projectId,
    householdId,
    administrativeUnitId: deadline.administrativeUnitId,
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
  const overdue: ReminderPlan = {
    ...common,
    kind: HANDOVER_REMINDER_KINDS.overdue,
    title: `Quá hạn ${what} (hạn cuối ${viDate(dueOn)}; ${deadline.legalBasis})`,
    dueAt: workdayStart(addDays(dueOn, 1), timeZone),
    dedupeKey: handoverKeys.overdue(householdId, enforcementRecordId, dueOn),
  };
  if (overdue.dueAt.getTime() <= now.getTime()) return [overdue];
  return [
    {
      ...common,
      kind: HANDOVER_REMINDER_KINDS.approaching,
      title: `Sắp đến hạn ${what} (hạn cuối ${viDate(dueOn)}; ${deadline.legalBasis})`,
      dueAt: workdayStart(addDays(dueOn, -HANDOVER_NOTICE_DAYS), timeZone),
      dedupeKey: handoverKeys.approaching(householdId, enforcementRecordId, dueOn),
    },
    overdue,
  ];
}
