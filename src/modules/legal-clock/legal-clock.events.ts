declare module '../../events/domain-events.js' {
  interface DomainEvents {
    /** A deadline rule changed in a way that moves deadlines (offset, day kind, on/off). */
    'deadline-rule.changed': { ruleId: string; code: string; version: number };
    /** A public holiday was added to or removed from the calendar. */
    'legal-calendar.changed': { date: string; change: 'added' | 'removed' };
    /** A legal milestone (notice sent, plan approved, compensation paid …) was recorded. */
    'legal-milestone.recorded': { milestoneId: string; projectId: string; householdId: string | null };
  }
}

export {};
