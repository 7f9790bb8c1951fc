import { DomainError } from '../../common/errors/domain-error.js';

export class UnknownAdministrativeUnitsError extends DomainError {
  constructor(ids: string[]) {
    super('invalid_input', 'VALIDATION_FAILED', 'Some administrative units do not exist', {
      fields: { administrativeUnitIds: ids.map((id) => `administrative unit ${id} does not exist`) },
    });
  }
}

export class ExpiryInThePastError extends DomainError {
  constructor(expiresAt: Date) {
    const message = `expiresAt (${expiresAt.toISOString()}) must be in the future`;
    super('invalid_input', 'VALIDATION_FAILED', message, { fields: { expiresAt: [message] } });
  }
}
