import { Injectable } from '@nestjs/common';
import type { DomainEvent } from '../../events/domain-events.js';
import { OnDomainEvent } from '../../events/on-domain-event.decorator.js';
import { HouseholdsService } from '../households/households.service.js';
import { RemindersService } from '../reminders/reminders.service.js';
import { EDITABLE_STATUSES } from './domain/enforcement-status.js';
import { handoverKeys } from './domain/handover-reminders.js';
import { EnforcementRepository } from './enforcement.repository.js';

/** How enforcement follows what happens to the household it concerns. */
@Injectable()
export class EnforcementFollowers {
  constructor(
    private readonly records: EnforcementRepository,
    private readonly households: HouseholdsService,
    private readonly reminders: RemindersService,
  ) {}

  /** A household that stops objecting (it agreed, or turned conditional) cannot be enforced against. */
  @OnDomainEvent('household.consent-changed', { id: 'enforcement.close-drafts-on-consent', queue: 'maintenance' })
  async onConsentChanged({ payload }: DomainEvent<'household.consent-changed'>): Promise<void> {
    if (payload.to === 'handed_over') {
      // The site is handed over however it was recorded: the hand-over reminders are moot.
      await this.reminders.cancel({ prefix: handoverKeys.household(payload.householdId) }, 'Hộ đã bàn giao mặt bằng');
    }
    if (payload.from === 'objecting' && payload.to !== 'enforcement_pending') {
      await this.closeDrafts(payload.householdId);
    }
  }

  /** An archived household leaves the process altogether: nothing is prepared against it any more. */
  @OnDomainEvent('household.archived', { id: 'enforcement.close-drafts-on-archive', queue: 'maintenance' })
  async onArchived({ payload }: DomainEvent<'household.archived'>): Promise<void> {
    await this.closeDrafts(payload.householdId);
  }

  /**
   * Cancels the household's records still in preparation unless it objects (again) now. Re-reads
   * everything under the locks, household first, then its records; running it twice changes nothing.
   */
  async closeDrafts(householdId: string): Promise<number> {
    const household = await this.households.lock(householdId);
    if (household && !household.archivedAt && household.status === 'objecting') return 0;
    const why = household && !household.archivedAt ? household.status : 'hồ sơ đã lưu trữ';
    let closed = 0;
    for (const record of await this.records.listForHousehold(householdId)) {
      if (!EDITABLE_STATUSES.includes(record.status)) continue;
      const locked = await this.records.findByIdForUpdate(record.id);
      if (!locked || !EDITABLE_STATUSES.includes(locked.status)) continue;
      Object.assign(locked, {
        status: 'cancelled',
        cancelReason: `Hộ không còn phản đối (${why}): dừng chuẩn bị cưỡng chế`,
        version: locked.version + 1,
      });
      await this.records.save(locked);
      closed += 1;
    }
    return closed;
  }
}
