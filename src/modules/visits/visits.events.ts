export interface VisitRecorded {
  visitId: string;
  householdId: string;
  projectId: string;
  /** ISO 8601. */
  visitedAt: string;
  nextFollowUpOn: string | null;
}

declare module '../../events/domain-events.js' {
  interface DomainEvents {
    /** A home visit was logged (a replayed request raises nothing). */
    'visit.recorded': VisitRecorded;
  }
}
