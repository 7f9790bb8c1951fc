import { DomainError } from '../../common/errors/domain-error.js';

export class UnknownDeadlineRuleError extends DomainError {
  constructor(code: string) {
    super('not_found', 'DEADLINE_RULE_NOT_FOUND', `There is no deadline rule ${code}`, { code });
  }
}

export class DeadlineRuleInactiveError extends DomainError {
  constructor(code: string) {
    super('rule_violation', 'DEADLINE_RULE_INACTIVE', `The deadline rule ${code} is switched off`, { code });
  }
}

export class HolidayDateTakenError extends DomainError {
  constructor(date: string) {
    super('conflict', 'HOLIDAY_DATE_TAKEN', `${date} is already a holiday`, { date });
  }
}

export class TetDayOneTakenError extends DomainError {
  constructor(year: number) {
    super('conflict', 'TET_DAY_ONE_TAKEN', `Tết day one of ${year} is already recorded`, { year });
  }
}

export class TetDayOneKindError extends DomainError {
  constructor() {
    super('invalid_input', 'VALIDATION_FAILED', 'Only a Tết holiday can be Tết day one', {
      fields: { tetDayOne: ['tetDayOne needs kind "tet"'] },
    });
  }
}
