import { DomainError, type ErrorDetails } from '../../common/errors/domain-error.js';

/** A step refused by the transition table or the date rules; `details.allowed` lists the legal actions. */
export class ComplaintStepRefusedError extends DomainError {
  constructor(code: string, message: string, details: ErrorDetails) {
    super('rule_violation', code, message, details);
  }
}

export class ComplaintReceivedInFutureError extends DomainError {
  constructor(receivedOn: string, today: string) {
    super('invalid_input', 'VALIDATION_FAILED', 'A complaint cannot be received in the future', {
      fields: { receivedOn: [`receivedOn (${receivedOn}) must not be after today (${today})`] },
    });
  }
}

export class ComplaintHouseholdArchivedError extends DomainError {
  constructor(householdId: string) {
    super('rule_violation', 'HOUSEHOLD_ARCHIVED', `Household ${householdId} is archived; restore it first`, {
      householdId,
    });
  }
}
