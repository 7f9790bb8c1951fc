import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { toLocalDate } from '../../common/time/civil-date.js';
import type { PageQueryDto } from '../../common/http/pagination.js';
import { IdempotencyKeyReusedError, requestHash } from '../../common/http/idempotency.js';
import type { Actor } from '../../common/request-context.js';
import { EventBus } from '../../events/event-bus.service.js';
import { HouseholdsService } from '../households/households.service.js';
import { ProjectScopes } from '../projects/project-scopes.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { UsersService } from '../users/users.service.js';
import { InputValidationError } from '../../common/errors/domain-error.js';
import type { CreateVisitDto } from './dto/create-visit.dto.js';
import type { Visit } from './visit.entity.js';
import { FollowUpBeforeVisitError, VisitInFutureError } from './visits.errors.js';
import { type VisitFilter, VisitsRepository } from './visits.repository.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import type { RecordLocation } from '../access/scope.js';

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
    private readonly users: UsersService,
    private readonly scopes: ProjectScopes,
    private readonly projects: ProjectsService,
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
    if (!input.officerIds?.length && !input.officers?.length) {
      throw new InputValidationError({
        officerIds: ['name at least one officer: officerIds (accounts) or officers (names)'],
      });
    }

    return this.tx.run(async () => {
      const household = await this.households.lockLive(householdId);
      if (idempotencyKey) {
        const earlier = await this.visits.findByIdempotencyKey(householdId, idempotencyKey);
        if (earlier) {
          if (earlier.requestHash !== hash) throw new IdempotencyKeyReusedError(idempotencyKey);
          return { visit: earlier, replayed: true };
        }
      }
      const officerIds = input.officerIds ?? [];
      const names = await this.officerNames(officerIds, household.projectId);
      const visit = await this.visits.insert({
        householdId,
        projectId: household.projectId,
        visitedAt,
        officers: [...names, ...(input.officers ?? []).filter((name) => !names.includes(name))],
        officerIds,
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

  /** The names of these accounts, each an active user who may work on the project (400 otherwise). */
  private async officerNames(officerIds: readonly string[], projectId: string): Promise<string[]> {
    const accounts = await this.users.findActiveIdentities(officerIds);
    const outside = await this.scopes.cannotWorkOn(projectId, officerIds, accounts);
    if (outside.length) {
      throw new InputValidationError({
        officerIds: outside.map((id) => `user ${id} is not an active account of the project's wards`),
      });
    }
    return officerIds.map((id) => accounts.find((account) => account.id === id)?.fullName ?? id);
  }

  /** A project's visits, latest first; only those an officer (account) was on, when given. */
  async listInProject(projectId: string, filter: VisitFilter): Promise<[Visit[], number]> {
    await this.projects.assertExists(projectId);
    return this.visits.listInProject(projectId, filter);
  }

  countsByOfficer(projectId: string, from: Date, to: Date) {
    return this.visits.countsByOfficer(projectId, from, to);
  }

  countsForOfficers(projectId: string, officerIds: readonly string[], from: Date, to: Date) {
    return officerIds.length
      ? this.visits.countsForOfficers(projectId, officerIds, from, to)
      : Promise.resolve({ visits: 0, households: 0 });
  }

  /** Where a visit lies, for `@InScope('visit')`. */
  @ResolvesScope('visit')
  async locate(id: string): Promise<RecordLocation | null> {
    const visit = await this.visits.findById(id);
    return visit ? { projectIds: [visit.projectId], householdId: visit.householdId } : null;
  }

  async list(householdId: string, page: PageQueryDto): Promise<[Visit[], number]> {
    await this.households.assertExists(householdId);
    return this.visits.listForHousehold(householdId, page);
  }
}
