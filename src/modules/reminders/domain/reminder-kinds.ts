/**
 * Reminder kinds and their dedupe keys. A dedupe key names one occurrence of one fact (this visit's
 * follow-up, this household's silence since that day), so a producer that runs twice makes one
 * reminder. Keys that embed a date (a complaint's due day, a session's time) let a changed date
 * make a new reminder while the old one is cancelled.
 */
export const REMINDER_KINDS = {
  followUpDue: 'visit.follow-up-due',
  householdStale: 'household.stale',
  dialogueUpcoming: 'dialogue.upcoming',
  complaintDeadlineApproaching: 'complaint.deadline-approaching',
  complaintOverdue: 'complaint.overdue',
  legalDeadlineApproaching: 'legal.deadline-approaching',
  legalDeadlineOverdue: 'legal.deadline.overdue',
  handoverApproaching: 'enforcement.handover-approaching',
  handoverOverdue: 'enforcement.handover.overdue',
  thresholdReached: 'project.threshold-reached',
  dailyDigest: 'ward.daily-digest',
  escalated: 'deadline.escalated',
} as const;

/** A reminder of a kind ending in `.overdue` reports a passed deadline, and is escalated to the chair. */
export const isOverdueKind = (kind: string): boolean => kind.endsWith('.overdue');

/** Local hour at which day-based reminders fall due. */
export const WORKDAY_START = '08:00';

/** How long before a dialogue session its reminder falls due. */
export const DIALOGUE_NOTICE_MS = 24 * 3600 * 1000;

/** How many days before a complaint deadline the "approaching" reminder falls due. */
export const COMPLAINT_NOTICE_DAYS = 3;

/** How many days before a legal (milestone or hand-over) deadline the "approaching" reminder falls due. */
export const LEGAL_NOTICE_DAYS = 3;

/**
 * Milestone deadlines whose last day is further back than this are left alone by the sweep: their
 * reminders (if any) stand, but none are made for them any more.
 */
export const LEGAL_LOOKBACK_DAYS = 30;

export const reminderKeys = {
  followUp: (householdId: string, visitId: string) => `follow-up:${householdId}:${visitId}`,
  followUpsOf: (householdId: string) => `follow-up:${householdId}:`,
  staleOf: (householdId: string) => `stale:${householdId}:`,
  dialogueUpcoming: (sessionId: string, scheduledAt: Date) =>
    `dialogue-upcoming:${sessionId}:${scheduledAt.toISOString()}`,
  dialogueUpcomingOf: (sessionId: string) => `dialogue-upcoming:${sessionId}:`,
  complaintApproaching: (complaintId: string, deadline: string, dueOn: string) =>
    `complaint-approaching:${complaintId}:${deadline}:${dueOn}`,
  complaintApproachingOf: (complaintId: string, deadline?: string) =>
    `complaint-approaching:${complaintId}:${deadline === undefined ? '' : `${deadline}:`}`,
  complaintOverdue: (complaintId: string, deadline: string, dueOn: string) =>
    `complaint-overdue:${complaintId}:${deadline}:${dueOn}`,
  complaintOverdueOf: (complaintId: string, deadline?: string) =>
    `complaint-overdue:${complaintId}:${deadline === undefined ? '' : `${deadline}:`}`,
  legalApproaching: (milestoneId: string, ruleCode: string, type: string, dueOn: string) =>
    `legal-approaching:${milestoneId}:${ruleCode}:${type}:${dueOn}`,
  legalOverdue: (milestoneId: string, ruleCode: string, type: string, dueOn: string) =>
    `legal-overdue:${milestoneId}:${ruleCode}:${type}:${dueOn}`,
  handoverApproaching: (householdId: string, recordId: string, dueOn: string) =>
    `enforcement-handover:${householdId}:approaching:${recordId}:${dueOn}`,
  handoverOverdue: (householdId: string, recordId: string, dueOn: string) =>
    `enforcement-handover:${householdId}:overdue:${recordId}:${dueOn}`,
  /** Both kinds when `which` is omitted. */
  handoverOf: (householdId: string, which?: 'approaching' | 'overdue') =>
    `enforcement-handover:${householdId}:${which === undefined ? '' : `${which}:`}`,
  threshold: (projectId: string) => `threshold:${projectId}`,
  digest: (unitId: string, today: string) => `digest:${unitId}:${today}`,
  escalation: (key: string) => `${key}:escalated`,
};
