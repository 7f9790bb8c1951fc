import { DomainError } from '../../../common/errors/domain-error.js';

export class MilestoneHouseholdNotInProjectError extends DomainError {
  constructor(householdId: string) {
    super('invalid_input', 'VALIDATION_FAILED', 'The household is not a live household of this project', {
      fields: { householdId: [`household ${householdId} is not a live household of this project`] },
    });
  }
}

export class MilestoneInFutureError extends DomainError {
  constructor(occurredOn: string, today: string) {
    super('invalid_input', 'VALIDATION_FAILED', 'A milestone records something that happened', {
      fields: { occurredOn: [`occurredOn (${occurredOn}) must not be after today (${today})`] },
    });
  }
}
