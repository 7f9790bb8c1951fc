import { atLocalTime, type CivilDate } from '../../../common/time/civil-date.js';
import type { Role } from '../../access/domain/roles.js';

/**
 * A reminder to store, as its owner decides it (follow-ups by visits, deadlines by complaints and
 * the legal clock …). The reminders module only keeps and fires them: it knows no other module.
 * A dedupe key names one occurrence of one fact (this visit's follow-up, this household's silence
 * since that day), so a producer that runs twice makes one reminder; keys that embed a date (a due
 * day, a session's time) let a changed date make a new reminder while the old one is cancelled.
 */
export interface ReminderPlan {
  kind: string;
  subjectType: string;
  subjectId: string;
  projectId?: string | null;
  householdId?: string | null;
  /** The ward it belongs to: the project's first unit, or the ward itself for ward reminders. */
  administrativeUnitId?: string | null;
  assigneeUserId?: string | null;
  assigneeRole?: Role | null;
  title: string;
  details?: Record<string, unknown>;
  dueAt: Date;
  dedupeKey: string;
}

/** Local hour at which day-based reminders fall due. */
export const WORKDAY_START = '08:00';

/** The start of the working day on `date`, when a day-based reminder falls due. */
export const workdayStart = (date: CivilDate, timeZone: string): Date => atLocalTime(date, WORKDAY_START, timeZone);

/** A reminder of a kind ending in `.overdue` reports a passed deadline, and is escalated to the chair. */
export const isOverdueKind = (kind: string): boolean => kind.endsWith('.overdue');

/** The reminder the ward chair gets for a passed deadline; its key is the original's plus `:escalated`. */
export const ESCALATED_KIND = 'deadline.escalated';
