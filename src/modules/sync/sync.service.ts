import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { createValidationPipe } from '../../common/http/validation.js';
import type { Actor } from '../../common/request-context.js';
import { locationInScope, type Scope } from '../access/scope.js';
import { HouseholdsService } from '../households/households.service.js';
import type { RecordedVisit } from '../visits/visits.service.js';
import { VisitsService } from '../visits/visits.service.js';
import { SyncVisitItemDto } from './dto/sync-visits.dto.js';

export type SyncItemResult =
  | { index: number; clientId: string | null; recorded: RecordedVisit }
  | { index: number; clientId: string | null; error: unknown };

const validation = createValidationPipe();

/**
 * Work a phone did offline, replayed when it is back: every item on its own — validated, checked
 * against the caller's wards, applied in its own transaction, in the order sent — so one bad item
 * never loses the others, and sending the batch again changes nothing (each item's client id is
 * its idempotency key).
 */
@Injectable()
export class SyncService {
  constructor(
    private readonly visits: VisitsService,
    private readonly households: HouseholdsService,
  ) {}

  async recordVisits(
    items: ReadonlyArray<Record<string, unknown>>,
    scope: Scope,
    actor: Actor,
  ): Promise<SyncItemResult[]> {
    const results: SyncItemResult[] = [];
    for (const [index, raw] of items.entries()) {
      const clientId = typeof raw.clientId === 'string' ? raw.clientId : null;
      try {
        const item = (await validation.transform(raw, {
          type: 'body',
          metatype: SyncVisitItemDto,
        })) as SyncVisitItemDto;
        const location = await this.households.locate(item.householdId);
        if (!location || !locationInScope(scope, location)) throw new NotFoundError('Household', item.householdId);
        results.push({
          index,
          clientId,
          recorded: await this.visits.record(item.householdId, item.visit, actor, item.clientId),
        });
      } catch (error) {
        results.push({ index, clientId, error });
      }
    }
    return results;
  }
}
