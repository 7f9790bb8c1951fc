import type { ComplaintDeadlineKind } from './domain/complaint-reminders.js';
import type { ComplaintStatus } from './domain/complaint-status.js';

declare module '../../events/domain-events.js' {
  interface DomainEvents {
    /** A complaint was received, took a step, or had its deadline recomputed. */
    'complaint.changed': { complaintId: string; projectId: string; householdId: string; status: ComplaintStatus };
    /** The morning after a complaint's last day, the step it awaited has not been taken. */
    'complaint.overdue': {
      complaintId: string;
      projectId: string | null;
      householdId: string | null;
      deadline: ComplaintDeadlineKind | null;
      dueOn: string | null;
    };
  }
}

export {};
