import { DomainError } from '../../common/errors/domain-error.js';
import type { GroupRefusal } from './domain/working-group.rules.js';

export class WorkingGroupChangeRefusedError extends DomainError {
  constructor(refusal: GroupRefusal, details: Record<string, unknown> = {}) {
    super('rule_violation', refusal.code, refusal.message, details);
  }
}

/** Members must be active accounts that can see the group's project (its wards). */
export class MembersOutOfScopeError extends DomainError {
  constructor(field: string, userIds: readonly string[]) {
    super('invalid_input', 'VALIDATION_FAILED', 'Some users cannot work on this project', {
      fields: { [field]: userIds.map((id) => `user ${id} is not an active account of the project's wards`) },
    });
  }
}

export class HouseholdsNotInGroupProjectError extends DomainError {
  constructor(householdIds: readonly string[]) {
    super('invalid_input', 'VALIDATION_FAILED', "Some households are not live households of the group's project", {
      fields: { householdIds: householdIds.map((id) => `household ${id} is not a live household of the project`) },
    });
  }
}
