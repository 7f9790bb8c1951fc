import { DomainError, type ErrorDetails } from '../../common/errors/domain-error.js';
import type { ConsentStatus } from './domain/consent-status.js';

export class HouseholdCodeTakenError extends DomainError {
  constructor(code: string) {
    super('conflict', 'HOUSEHOLD_CODE_TAKEN', `A household with code ${code} already exists in this project`, { code });
  }
}

export class LandAreaMismatchError extends DomainError {
  constructor(declared: number, parcelsSum: number) {
    super('invalid_input', 'VALIDATION_FAILED', 'landAreaM2 disagrees with the sum of the parcels', {
      fields: {
        landAreaM2: [`landAreaM2 (${declared}) must equal the sum of the parcels (${parcelsSum}) or be omitted`],
      },
    });
  }
}

export class ArchiveReasonRequiredError extends DomainError {
  constructor() {
    super('invalid_input', 'VALIDATION_FAILED', 'Archiving a household needs a reason', {
      fields: { archiveReason: ['archiveReason is required when archiving'] },
    });
  }
}

export class HouseholdArchivedError extends DomainError {
  constructor(id: string) {
    super('rule_violation', 'HOUSEHOLD_ARCHIVED', `Household ${id} is archived; restore it first`, { id });
  }
}

/** A consent move refused by the state machine or its rules; `details.allowed` lists the legal moves. */
export class ConsentTransitionRefusedError extends DomainError {
  constructor(code: string, message: string, details: ErrorDetails) {
    super('rule_violation', code, message, details);
  }
}

export class ConsentStatusChangedError extends DomainError {
  constructor(id: string, expected: ConsentStatus, actual: ConsentStatus) {
    super(
      'stale_version',
      'CONSENT_STATUS_CHANGED',
      `Household ${id} is ${actual}, not ${expected}; reload and retry`,
      {
        id,
        expectedStatus: expected,
        currentStatus: actual,
      },
    );
  }
}
