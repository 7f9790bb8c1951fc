import { DomainError } from '../../common/errors/domain-error.js';
import type { SessionRefusalCode } from './domain/dialogue-session.rules.js';

export class HouseholdsNotInProjectError extends DomainError {
  constructor(projectId: string, householdIds: readonly string[]) {
    super('invalid_input', 'VALIDATION_FAILED', 'Some invited households are not households of the project', {
      fields: { householdIds: householdIds.map((id) => `household ${id} is not a household of project ${projectId}`) },
    });
  }
}

export class DialogueSessionChangeRefusedError extends DomainError {
  constructor(code: SessionRefusalCode, message: string, details: Record<string, unknown>) {
    super('rule_violation', code, message, details);
  }
}

export class InvalidScheduleRangeError extends DomainError {
  constructor(from: string, to: string) {
    super('invalid_input', 'VALIDATION_FAILED', 'The range ends before it starts', {
      fields: { to: [`to (${to}) must be after from (${from})`] },
    });
  }
}
