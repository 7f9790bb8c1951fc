import { DomainError } from '../../common/errors/domain-error.js';

export class VisitInFutureError extends DomainError {
  constructor(visitedAt: string, now: Date) {
    super(
      'rule_violation',
      'VISIT_IN_FUTURE',
      `A visit cannot be logged before it happens (${visitedAt} is after ${now.toISOString()})`,
      {
        visitedAt,
        now: now.toISOString(),
      },
    );
  }
}

export class FollowUpBeforeVisitError extends DomainError {
  constructor(nextFollowUpOn: string, visitDay: string) {
    super('invalid_input', 'VALIDATION_FAILED', 'The follow-up date is before the visit', {
      fields: { nextFollowUpOn: [`nextFollowUpOn (${nextFollowUpOn}) must not be before the visit day (${visitDay})`] },
    });
  }
}
