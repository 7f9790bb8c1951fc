import { DomainError } from '../../common/errors/domain-error.js';

export class CommitmentRefusedError extends DomainError {
  constructor(code: string, message: string) {
    super('rule_violation', code, message);
  }
}

export class CommitmentInputError extends DomainError {
  constructor(fields: Record<string, string[]>) {
    super('invalid_input', 'VALIDATION_FAILED', 'The request is invalid', { fields });
  }
}
