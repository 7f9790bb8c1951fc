import type { ConsentCondition, ConsentStatus } from './domain/consent-status.js';

export interface HouseholdConsentChanged {
  householdId: string;
  householdCode: string;
  projectId: string;
  from: ConsentStatus;
  to: ConsentStatus;
  condition: ConsentCondition | null;
  reason: string;
  /** ISO 8601. */
  changedAt: string;
  /** Set when a visit made the move (the first visit starts the persuasion). */
  visitId: string | null;
}

export interface HouseholdArchived {
  householdId: string;
  projectId: string;
  /** The status it was archived in. */
  status: ConsentStatus;
  reason: string;
  archivedAt: string;
}

export interface HouseholdRestored {
  householdId: string;
  projectId: string;
  status: ConsentStatus;
}

declare module '../../events/domain-events.js' {
  interface DomainEvents {
    /** A household moved along the consent state machine (recorded in its history). */
    'household.consent-changed': HouseholdConsentChanged;
    /** A household left the lists and statistics (never deleted). */
    'household.archived': HouseholdArchived;
    /** An archived household came back. */
    'household.restored': HouseholdRestored;
  }
}
