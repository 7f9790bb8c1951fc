import { Injectable } from '@nestjs/common';
import { DomainError, NotFoundError } from '../../common/errors/domain-error.js';
import { requestHash } from '../../common/http/idempotency.js';
import { createValidationPipe } from '../../common/http/validation.js';
import type { Actor } from '../../common/request-context.js';
import { locationInScope, type Scope } from '../access/scope.js';
import { HouseholdsService } from '../households/households.service.js';
import { IdempotencyService } from '../idempotency/idempotency.service.js';
import type { RecordedVisit } from '../visits/visits.service.js';
import { VisitsService } from '../visits/visits.service.js';
import { SyncConsentMoveItemDto } from './dto/sync-consent-moves.dto.js';
import { SyncVisitItemDto } from './dto/sync-visits.dto.js';

/** Where offline consent moves arrive (their idempotency records name it). */
export const MOVES_PATH = '/api/v1/sync/consent-moves';

const stateOf = (household: HouseholdState): HouseholdState => ({
  id: household.id,
  status: household.status,
  version: household.version,
  statusChangedAt: household.statusChangedAt,
});

export interface HouseholdState {
  id: string;
  status: string;
  version: number;
  statusChangedAt: Date | null;
}

export type MoveItemResult =
  | { index: number; clientId: string | null; moved: HouseholdState; replayed: boolean }
  | { index: number; clientId: string | null; error: unknown; current?: HouseholdState };

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
    private readonly idempotency: IdempotencyService,
  ) {}

  /**
   * Consent moves decided offline, each checked like any move (the state machine, its conditions)
   * and against the version the phone decided on: a household changed meanwhile is a conflict,
   * answered with its current state, never overwritten. A move sent again is replayed, not redone.
   */
  async moveConsents(
    items: ReadonlyArray<Record<string, unknown>>,
    scope: Scope,
    actor: Actor,
    principalId: string,
  ): Promise<MoveItemResult[]> {
    const results: MoveItemResult[] = [];
    for (const [index, raw] of items.entries()) {
      const clientId = typeof raw.clientId === 'string' ? raw.clientId : null;
      let claimed: { principalId: string; key: string } | undefined;
      try {
        const item = await this.checked(raw, SyncConsentMoveItemDto, scope);
        const id = { principalId, key: `sync-consent:${item.clientId}` };
        const begun = await this.idempotency.begin({
          ...id,
          method: 'POST',
          path: MOVES_PATH,
          requestHash: requestHash(raw),
        });
        if (begun.kind === 'replay') {
          results.push({ index, clientId, moved: begun.body as HouseholdState, replayed: true });
          continue;
        }
        claimed = id;
        const household = await this.households.transition(item.householdId, item.move, actor, item.basedOnVersion);
        const moved = stateOf(household);
        await this.idempotency.complete(id, 200, moved);
        claimed = undefined;
        results.push({ index, clientId, moved, replayed: false });
      } catch (error) {
        if (claimed) await this.idempotency.abandon(claimed);
        const conflict = error instanceof DomainError && error.kind === 'stale_version';
        const householdId = typeof raw.householdId === 'string' ? raw.householdId : undefined;
        const current =
          conflict && householdId ? stateOf((await this.households.get(householdId)).household) : undefined;
        results.push({ index, clientId, error, ...(current ? { current } : {}) });
      }
    }
    return results;
  }

  async recordVisits(
    items: ReadonlyArray<Record<string, unknown>>,
    scope: Scope,
    actor: Actor,
  ): Promise<SyncItemResult[]> {
    const results: SyncItemResult[] = [];
    for (const [index, raw] of items.entries()) {
      const clientId = typeof raw.clientId === 'string' ? raw.clientId : null;
      try {
        const item = await this.checked(raw, SyncVisitItemDto, scope);
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

  /** An item validated like a request body, naming a household in the caller's wards (404 otherwise). */
  private async checked<T extends { householdId: string }>(
    raw: Record<string, unknown>,
    metatype: new () => T,
    scope: Scope,
  ): Promise<T> {
    const item = (await validation.transform(raw, { type: 'body', metatype })) as T;
    const location = await this.households.locate(item.householdId);
    if (!location || !locationInScope(scope, location)) throw new NotFoundError('Household', item.householdId);
    return item;
  }
}
