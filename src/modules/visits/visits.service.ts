import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { toLocalDate } from '../../common/time/civil-date.js';
import type { PageQueryDto } from '../../common/http/pagination.js';
import { IdempotencyKeyReusedError, requestHash } from '../../common/http/idempotency.js';
import type { Actor } from '../../common/request-context.js';
import { EventBus } from '../../events/event-bus.service.js';
import { HouseholdsService } from '../households/households.service.js';
import type { CreateVisitDto } from './dto/create-visit.dto.js';
import type { Visit } from './visit.entity.js';
import { FollowUpBeforeVisitError, VisitInFutureError } from './visits.errors.js';
import { VisitsRepository } from './visits.repository.js';
import { TransactionHost } from '../../database/transaction-host.js';

/** Phones' clocks drift; a visit a few minutes "in the future" is a clock, not a lie. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface RecordedVisit {
  visit: Visit;
  /** True when an earlier request with the same idempotency key already recorded it. */
  replayed: boolean;
}

@Injectable()
export class VisitsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly visits: VisitsRepository,
    private readonly households: HouseholdsService,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a home visit. Officers log from phones on weak connections and retry: with an
   * idempotency key, a retry returns the visit the first attempt recorded and writes nothing.
   * The household row is locked first, so concurrent retries of one key queue up behind each other.
   */
  async record(
    householdId: string,
    input: CreateVisitDto,
    actor: Actor,
    idempotencyKey?: string,
  ): Promise<RecordedVisit> {
    const visitedAt = new Date(input.visitedAt);
    const now = this.clock.now();
    if (visitedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new VisitInFutureError(input.visitedAt, now);
    const visitDay = toLocalDate(visitedAt, this.clock.timeZone);
    if (input.nextFollowUpOn && input.nextFollowUpOn < visitDay)
      throw new FollowUpBeforeVisitError(input.nextFollowUpOn, visitDay);
    const hash = idempotencyKey ? requestHash(input) : null;

    return this.tx.run(async () => {
      const household = await this.households.lockLive(householdId);
      if (idempotencyKey) {
        const earlier = await this.visits.findByIdempotencyKey(householdId, idempotencyKey);
        if (earlier) {
          if (earlier.requestHash !== hash) throw new IdempotencyKeyReusedError(idempotencyKey);
          return { visit: earlier, replayed: true };
        }
      }
      const visit = await this.visits.insert({
        householdId,
        projectId: household.projectId,
        visitedAt,
        officers: input.officers,
        outcome: input.outcome,
        notes: input.notes ?? null,
        nextFollowUpOn: input.nextFollowUpOn ?? null,
        idempotencyKey: idempotencyKey ?? null,
        requestHash: hash,
        createdBy: actor.name,
        createdById: actor.id,
      });
      await this.households.applyVisit(
        household,
        { visitId: visit.id, visitedAt, nextFollowUpOn: visit.nextFollowUpOn },
        actor,
      );
      await this.events.publish('visit.recorded', {
        visitId: visit.id,
        householdId,
        projectId: household.projectId,
        visitedAt: visitedAt.toISOString(),
        nextFollowUpOn: visit.nextFollowUpOn,
      });
      return { visit, replayed: false };
    });
  }

  async list(householdId: string, page: PageQueryDto): Promise<[Visit[], number]> {
    await this.households.assertExists(householdId);
    return this.visits.listForHousehold(householdId, page);
  }
}
