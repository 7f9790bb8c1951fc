import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { EventBus } from '../../events/event-bus.service.js';
import type { CreateHolidayDto } from './dto/create-holiday.dto.js';
import type { Holiday } from './holiday.entity.js';
import { TetDayOneKindError } from './legal-clock.errors.js';
import { LegalClockRepository } from './legal-clock.repository.js';

/**
 * The holiday calendar. Editing it does not move deadlines already stored (they were right by the
 * calendar of their day); new deadlines use the new calendar, and deadlines derived when read (legal
 * milestones') follow it, which is why every edit is announced.
 */
@Injectable()
export class HolidaysService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly repository: LegalClockRepository,
    private readonly events: EventBus,
  ) {}

  list(year: number | undefined): Promise<Holiday[]> {
    return year === undefined
      ? this.repository.holidaysBetween('0001-01-01', '9999-12-31')
      : this.repository.holidaysBetween(`${year}-01-01`, `${year}-12-31`);
  }

  async create(input: CreateHolidayDto): Promise<Holiday> {
    if (input.tetDayOne && input.kind !== 'tet') throw new TetDayOneKindError();
    return this.tx.run(async () => {
      const holiday = await this.repository.insertHoliday({
        date: input.date,
        name: input.name,
        kind: input.kind,
        tetDayOne: input.tetDayOne ?? false,
      });
      await this.events.publish('legal-calendar.changed', { date: holiday.date, change: 'added' });
      return holiday;
    });
  }

  async remove(id: string): Promise<void> {
    await this.tx.run(async () => {
      const holiday = await this.repository.holidayById(id);
      if (!holiday) throw new NotFoundError('Holiday', id);
      await this.repository.removeHoliday(holiday);
      await this.events.publish('legal-calendar.changed', { date: holiday.date, change: 'removed' });
    });
  }
}
