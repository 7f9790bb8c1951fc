import { DomainError } from '../../common/errors/domain-error.js';

export class ProjectCodeTakenError extends DomainError {
  constructor(code: string) {
    super('conflict', 'PROJECT_CODE_TAKEN', `A project with code ${code} already exists`, { code });
  }
}

export class UnknownAdministrativeUnitsError extends DomainError {
  constructor(ids: string[]) {
    super('invalid_input', 'VALIDATION_FAILED', 'Some administrative units do not exist', {
      fields: { administrativeUnitIds: ids.map((id) => `administrative unit ${id} does not exist`) },
    });
  }
}

export class InvalidProjectDatesError extends DomainError {
  constructor(field: string, message: string) {
    super('invalid_input', 'VALIDATION_FAILED', message, { fields: { [field]: [message] } });
  }
}
