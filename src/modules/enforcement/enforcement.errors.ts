import { DomainError, type ErrorDetails, type FieldErrors } from '../../common/errors/domain-error.js';
import type { EnforcementRefusalCode } from './domain/enforcement.rules.js';

/** A step of the enforcement process refused by its rules (LL2024 art. 89); `code` says which. */
export class EnforcementRefusedError extends DomainError {
  constructor(code: EnforcementRefusalCode, message: string, details: ErrorDetails) {
    super('rule_violation', code, message, details);
  }
}

export class EnforcementRecordOpenError extends DomainError {
  constructor(householdId: string) {
    super(
      'conflict',
      'ENFORCEMENT_RECORD_OPEN',
      `Household ${householdId} already has an open enforcement record; change or cancel it instead`,
      { householdId },
    );
  }
}

export class HouseholdNotObjectingError extends DomainError {
  constructor(householdId: string, status: string) {
    super(
      'rule_violation',
      'HOUSEHOLD_NOT_OBJECTING',
      `Enforcement is prepared only against a household that objects; household ${householdId} is ${status}`,
      { householdId, status },
    );
  }
}

/** Bad decision dates or persuasion references, reported per field like any other 400. */
export class EnforcementInputError extends DomainError {
  constructor(fields: FieldErrors) {
    super('invalid_input', 'VALIDATION_FAILED', 'The enforcement record is invalid', { fields });
  }
}
