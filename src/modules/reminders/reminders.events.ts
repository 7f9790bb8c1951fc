import type { Role } from '../access/domain/roles.js';

/** A reminder as its firing announces it: plain JSON. */
export interface FiredReminder {
  reminderId: string;
  kind: string;
  title: string;
  subjectType: string;
  subjectId: string;
  projectId: string | null;
  householdId: string | null;
  administrativeUnitId: string | null;
  assigneeRole: Role | null;
  dueAt: string;
  firedAt: string | null;
  details: Record<string, unknown>;
}

declare module '../../events/domain-events.js' {
  interface DomainEvents {
    /** Reminders fell due and fired (one event per firing round, in its transaction). */
    'reminders.fired': { reminders: FiredReminder[] };
  }
}
