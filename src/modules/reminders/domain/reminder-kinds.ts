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
  threshold: (projectId: string) => `threshold:${projectId}`,
  digest: (unitId: string, today: string) => `digest:${unitId}:${today}`,
  escalation: (key: string) => `${key}:escalated`,
};
