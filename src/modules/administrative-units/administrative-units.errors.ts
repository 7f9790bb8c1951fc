import { DomainError } from '../../common/errors/domain-error.js';

export class ParentUnitNotFoundError extends DomainError {
  constructor(parentId: string) {
    super('rule_violation', 'PARENT_UNIT_NOT_FOUND', `Parent administrative unit ${parentId} does not exist`, {
      parentId,
    });
  }
}

export class InvalidUnitHierarchyError extends DomainError {
  constructor(childLevel: string, parentLevel: string) {
    super('rule_violation', 'INVALID_UNIT_HIERARCHY', `A ${childLevel} cannot be placed under a ${parentLevel}`, {
      level: childLevel,
      parentLevel,
    });
  }
}

export class InvalidValidityPeriodError extends DomainError {
  constructor(validFrom: string, validTo: string) {
    super('invalid_input', 'VALIDATION_FAILED', 'validTo must be after validFrom', {
      fields: { validTo: [`validTo (${validTo}) must be after validFrom (${validFrom})`] },
    });
  }
}

export class AdministrativeUnitCodeTakenError extends DomainError {
  constructor(code: string) {
    super('conflict', 'ADMINISTRATIVE_UNIT_CODE_TAKEN', `An administrative unit with code ${code} already exists`, {
      code,
    });
  }
}
