import { workdayStart, type ReminderPlan } from '../../reminders/domain/reminder-plan.js';

export const FOLLOW_UP_DUE_KIND = 'visit.follow-up-due';

export const followUpKeys = {
  of: (householdId: string, visitId: string) => `follow-up:${householdId}:${visitId}`,
  /** Every follow-up of a household. */
  household: (householdId: string) => `follow-up:${householdId}:`,
};

/** A recorded visit and its household as they are now. */
export interface FollowUpFacts {
  visitId: string;
  householdId: string;
  projectId: string;
  administrativeUnitId: string | null;
  visitedAt: Date;
  nextFollowUpOn: string | null;
  /** The household's latest contact: this visit's time unless a newer one was recorded since. */
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

/** The follow-up the household's latest visit asks for, on its day at the start of work. */
export function planFollowUp(facts: FollowUpFacts, timeZone: string): FollowUpDecision {
  if (facts.lastContactAt === null || facts.lastContactAt.getTime() !== facts.visitedAt.getTime()) {
    return { action: 'ignore' };
  }
  if (!facts.nextFollowUpOn || facts.archived || facts.handedOver) return { action: 'replace', plan: null };
  return {
    action: 'replace',
    plan: {
      kind: FOLLOW_UP_DUE_KIND,
      subjectType: 'household',
      subjectId: facts.householdId,
      projectId: facts.projectId,
      householdId: facts.householdId,
      administrativeUnitId: facts.administrativeUnitId,
      assigneeRole: 'officer',
      title: `Đến hạn thăm lại hộ ${facts.headName} (${facts.code})`,
      details: {
        visitId: facts.visitId,
        visitedAt: facts.visitedAt.toISOString(),
        nextFollowUpOn: facts.nextFollowUpOn,
        householdCode: facts.code,
        lastVisitBy: facts.createdBy,
      },
      dueAt: workdayStart(facts.nextFollowUpOn, timeZone),
      dedupeKey: followUpKeys.of(facts.householdId, facts.visitId),
    },
  };
}
