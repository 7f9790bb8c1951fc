import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, type DataSource, type EntityManager } from 'typeorm';
import { DeadlineRule } from './deadline-rule.entity.js';
import { Holiday } from './holiday.entity.js';

/** Deadline rules and the holiday calendar. */
@Injectable()
export class LegalClockRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  rules(): Promise<DeadlineRule[]> {
    return this.dataSource.manager.find(DeadlineRule, { order: { code: 'ASC' } });
  }

  ruleByCode(code: string): Promise<DeadlineRule | null> {
    return this.dataSource.manager.findOneBy(DeadlineRule, { code });
  }

  ruleById(id: string): Promise<DeadlineRule | null> {
    return this.dataSource.manager.findOneBy(DeadlineRule, { id });
  }

  ruleByIdForUpdate(id: string, em: EntityManager): Promise<DeadlineRule | null> {
    return em.findOne(DeadlineRule, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  saveRule(rule: DeadlineRule, em: EntityManager): Promise<DeadlineRule> {
    return em.save(DeadlineRule, rule);
  }

  /** Holiday dates from `from` to `to`, both included. */
  async holidayDatesBetween(from: string, to: string): Promise<string[]> {
    const rows = await this.dataSource.manager.find(Holiday, {
      select: { date: true },
      where: { date: Between(from, to) },
    });
    return rows.map((row) => row.date);
  }

  async allHolidayDates(): Promise<string[]> {
    const rows = await this.dataSource.manager.find(Holiday, { select: { date: true } });
    return rows.map((row) => row.date);
  }

  isHoliday(date: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(Holiday, { date });
  }

  holidaysBetween(from: string, to: string): Promise<Holiday[]> {
    return this.dataSource.manager.find(Holiday, { where: { date: Between(from, to) }, order: { date: 'ASC' } });
  }

  /** Tết day one of the years from `fromYear` to `toYear`. */
  async tetDayOnes(fromYear: number, toYear: number): Promise<string[]> {
    const rows = await this.dataSource.manager.find(Holiday, {
      select: { date: true },
      where: { tetDayOne: true, date: Between(`${fromYear}-01-01`, `${toYear}-12-31`) },
      order: { date: 'ASC' },
    });
    return rows.map((row) => row.date);
  }

  holidayById(id: string): Promise<Holiday | null> {
    return this.dataSource.manager.findOneBy(Holiday, { id });
  }

  insertHoliday(holiday: Partial<Holiday>): Promise<Holiday> {
    const repo = this.dataSource.getRepository(Holiday);
    return repo.save(repo.create(holiday));
  }

  async removeHoliday(holiday: Holiday): Promise<void> {
    // remove() (not delete()) so the audit subscriber sees the row go.
    await this.dataSource.manager.remove(Holiday, holiday);
  }
}
