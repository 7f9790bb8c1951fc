import { Injectable } from '@nestjs/common';
import { Between, type EntityManager } from 'typeorm';
import { DeadlineRule } from './deadline-rule.entity.js';
import { Holiday } from './holiday.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { yearOf } from '../../common/time/civil-date.js';
import { mapUniqueViolations } from '../../database/unique-violation.js';
import { HolidayDateTakenError, TetDayOneTakenError } from './legal-clock.errors.js';

/** Deadline rules and the holiday calendar. */
@Injectable()
export class LegalClockRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  rules(): Promise<DeadlineRule[]> {
    return this.manager.find(DeadlineRule, { order: { code: 'ASC' } });
  }

  ruleByCode(code: string): Promise<DeadlineRule | null> {
    return this.manager.findOneBy(DeadlineRule, { code });
  }

  ruleById(id: string): Promise<DeadlineRule | null> {
    return this.manager.findOneBy(DeadlineRule, { id });
  }

  ruleByIdForUpdate(id: string): Promise<DeadlineRule | null> {
    return this.manager.findOne(DeadlineRule, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  saveRule(rule: DeadlineRule): Promise<DeadlineRule> {
    return this.manager.save(DeadlineRule, rule);
  }

  /** Holiday dates from `from` to `to`, both included. */
  async holidayDatesBetween(from: string, to: string): Promise<string[]> {
    const rows = await this.manager.find(Holiday, {
      select: { date: true },
      where: { date: Between(from, to) },
    });
    return rows.map((row) => row.date);
  }

  async allHolidayDates(): Promise<string[]> {
    const rows = await this.manager.find(Holiday, { select: { date: true } });
    return rows.map((row) => row.date);
  }

  isHoliday(date: string): Promise<boolean> {
    return this.manager.existsBy(Holiday, { date });
  }

  holidaysBetween(from: string, to: string): Promise<Holiday[]> {
    return this.manager.find(Holiday, { where: { date: Between(from, to) }, order: { date: 'ASC' } });
  }

  /** Tết day one of the years from `fromYear` to `toYear`. */
  async tetDayOnes(fromYear: number, toYear: number): Promise<string[]> {
    const rows = await this.manager.find(Holiday, {
      select: { date: true },
      where: { tetDayOne: true, date: Between(`${fromYear}-01-01`, `${toYear}-12-31`) },
      order: { date: 'ASC' },
    });
    return rows.map((row) => row.date);
  }

  holidayById(id: string): Promise<Holiday | null> {
    return this.manager.findOneBy(Holiday, { id });
  }

  insertHoliday(holiday: Partial<Holiday> & { date: string }): Promise<Holiday> {
    return mapUniqueViolations(() => this.manager.save(Holiday, this.manager.create(Holiday, holiday)), {
      holidays_date_key: () => new HolidayDateTakenError(holiday.date),
      holidays_tet_day_one_year_key: () => new TetDayOneTakenError(yearOf(holiday.date)),
    });
  }

  async removeHoliday(holiday: Holiday): Promise<void> {
    // remove() (not delete()) so the audit subscriber sees the row go.
    await this.manager.remove(Holiday, holiday);
  }
}
