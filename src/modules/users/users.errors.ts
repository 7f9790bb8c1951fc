import { DomainError } from '../../common/errors/domain-error.js';

export class UserEmailTakenError extends DomainError {
  constructor(email: string) {
    super('conflict', 'USER_EMAIL_TAKEN', `A user with email ${email} already exists`, { email });
  }
}

export class UnknownAdministrativeUnitsError extends DomainError {
  constructor(ids: string[]) {
    super('invalid_input', 'VALIDATION_FAILED', 'Some administrative units do not exist', {
      fields: { administrativeUnitIds: ids.map((id) => `administrative unit ${id} does not exist`) },
    });
  }
}

/** Nobody could manage accounts any more, short of editing the database. */
export class LastActiveAdminError extends DomainError {
  constructor(id: string) {
    super('rule_violation', 'LAST_ACTIVE_ADMIN', 'The last active admin cannot be deactivated or given another role', {
      id,
    });
  }
}

/** A new password zxcvbn finds too easy to guess (below PASSWORD_MIN_STRENGTH); `reason` says why. */
export class WeakPasswordError extends DomainError {
  constructor(readonly reason: string) {
    super('invalid_input', 'VALIDATION_FAILED', 'The password is too easy to guess', {
      fields: { password: [reason] },
    });
  }
}
