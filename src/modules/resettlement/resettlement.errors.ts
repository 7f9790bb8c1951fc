import { DomainError } from '../../common/errors/domain-error.js';
import type { OfferRefusalCode } from './domain/offer-status.js';

export class UnknownFundProjectsError extends DomainError {
  constructor(ids: readonly string[]) {
    super('invalid_input', 'VALIDATION_FAILED', 'Some projects do not exist', {
      fields: { projectIds: ids.map((id) => `project ${id} does not exist`) },
    });
  }
}

/** Removing a project outside the caller's scope from a fund that serves it: another ward's call. */
export class ProtectedFundProjectsError extends DomainError {
  constructor(ids: readonly string[]) {
    super('invalid_input', 'VALIDATION_FAILED', 'Some projects cannot be removed', {
      fields: { projectIds: ids.map((id) => `project ${id} lies outside your scope and cannot be removed`) },
    });
  }
}

export class UnknownFundUnitError extends DomainError {
  constructor(id: string) {
    super('invalid_input', 'VALIDATION_FAILED', 'The administrative unit does not exist', {
      fields: { administrativeUnitId: [`administrative unit ${id} does not exist`] },
    });
  }
}

export class DuplicateUnitCodesError extends DomainError {
  constructor(codes: readonly string[]) {
    super('invalid_input', 'VALIDATION_FAILED', 'Unit codes repeat within the request', {
      fields: { units: codes.map((code) => `unit code ${code} appears more than once`) },
    });
  }
}

export class UnitCodesTakenError extends DomainError {
  constructor(fundId: string, codes: readonly string[]) {
    super('conflict', 'RESETTLEMENT_UNIT_CODE_TAKEN', `The fund already holds units with these codes`, {
      fundId,
      codes,
    });
  }
}

/** An answer to an offer the offer state machine refuses (already answered, or expired). */
export class OfferRefusedError extends DomainError {
  constructor(code: OfferRefusalCode, message: string, details: Record<string, unknown>) {
    super('rule_violation', code, message, details);
  }
}
