import { Injectable } from '@nestjs/common';
import { addDays, type CivilDate, yearOf } from '../../common/time/civil-date.js';
import { computeDeadline, type DeadlineTerms, holidayHorizonDays, isWithinTetBlackout } from './domain/deadline.js';
import type { DeadlineRule } from './deadline-rule.entity.js';
import { DeadlineRuleInactiveError, UnknownDeadlineRuleError } from './legal-clock.errors.js';
import { LegalClockRepository } from './legal-clock.repository.js';

export interface DueDate {
  /** The last day to act, moved off weekends and holidays. */
  dueOn: string;
  /** `from` plus the offset, before the move. */
  unshiftedOn: string;
  ruleCode: string;
  legalBasis: string;
  offsetDays: number;
}

/** Rules and holidays loaded at once, for deriving many deadlines without a query each. */
export interface CalendarSnapshot {
  rules: ReadonlyMap<string, DeadlineRule>;
  holidays: ReadonlySet<string>;
}

/**
 * The legal calendar every capability computes deadlines with: rules and holidays come from the
 * database (editable by administrators), the arithmetic from domain/deadline.ts.
 */
@Injectable()
export class LegalCalendarService {
  constructor(private readonly repository: LegalClockRepository) {}

  /**
   * The due date of rule `ruleCode` for an event on `from`. Throws DEADLINE_RULE_NOT_FOUND for an
   * unknown code and DEADLINE_RULE_INACTIVE for a rule an administrator switched off.
   */
  async dueDate(ruleCode: string, from: CivilDate): Promise<DueDate> {
    const rule = await this.activeRule(ruleCode);
    return this.dueDateFor(rule, from);
  }

  /** Like dueDate, but null when the rule is switched off (no deadline is tracked then). */
  async dueDateIfActive(ruleCode: string, from: CivilDate): Promise<DueDate | null> {
    const rule = await this.repository.ruleByCode(ruleCode);
    if (!rule) throw new UnknownDeadlineRuleError(ruleCode);
    return rule.active ? this.dueDateFor(rule, from) : null;
  }

  async isHoliday(date: CivilDate): Promise<boolean> {
    return this.repository.isHoliday(date);
  }

  /** `date` itself when it is a working day, else the next one. */
  async nextWorkingDay(date: CivilDate): Promise<string> {
    const holidays = new Set(await this.repository.holidayDatesBetween(date, addDays(date, 60)));
    return computeDeadline({ offsetDays: 0, dayKind: 'calendar' }, date, holidays).dueOn;
  }

  /** Mùng 1 Tết of `year` (a holiday flagged as Tết day one), or null when the calendar has none. */
  async tetFirstDay(year: number): Promise<string | null> {
    return (await this.repository.tetDayOnes(year, year))[0] ?? null;
  }

  /**
   * True within `enforcement.tet-blackout` days before or after Tết day one (LL2024 Điều 89). A year
   * without Tết in the calendar cannot be checked and counts as outside.
   */
  async isWithinTetBlackout(date: CivilDate): Promise<boolean> {
    const rule = await this.repository.ruleByCode('enforcement.tet-blackout');
    if (!rule?.active) return false;
    const year = yearOf(date);
    return isWithinTetBlackout(date, await this.repository.tetDayOnes(year - 1, year + 1), rule.offsetDays);
  }

  /** Every rule and every holiday, for deriving many deadlines at once (the tables are small). */
  async snapshot(): Promise<CalendarSnapshot> {
    const [rules, holidays] = await Promise.all([this.repository.rules(), this.repository.allHolidayDates()]);
    return { rules: new Map(rules.map((rule) => [rule.code, rule])), holidays: new Set(holidays) };
  }

  async ruleById(id: string): Promise<DeadlineRule | null> {
    return this.repository.ruleById(id);
  }

  private async activeRule(code: string): Promise<DeadlineRule> {
    const rule = await this.repository.ruleByCode(code);
    if (!rule) throw new UnknownDeadlineRuleError(code);
    if (!rule.active) throw new DeadlineRuleInactiveError(code);
    return rule;
  }

  private async dueDateFor(rule: DeadlineRule, from: CivilDate): Promise<DueDate> {
    const terms: DeadlineTerms = { offsetDays: rule.offsetDays, dayKind: rule.dayKind };
    const holidays = new Set(await this.repository.holidayDatesBetween(from, addDays(from, holidayHorizonDays(terms))));
    const { dueOn, unshiftedOn } = computeDeadline(terms, from, holidays);
    return { dueOn, unshiftedOn, ruleCode: rule.code, legalBasis: rule.legalBasis, offsetDays: rule.offsetDays };
  }
}
