import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { assertVersion, InputValidationError, NotFoundError } from '../../common/errors/domain-error.js';
import type { Actor } from '../../common/request-context.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { EventBus } from '../../events/event-bus.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import type { ConsentTransition } from './consent-transition.entity.js';
import { type ConsentCondition, type ConsentStatus, FIRST_VISIT_REASON } from './domain/consent-status.js';
import { decideTransition } from './domain/consent-transition.rules.js';
import { resolveLandArea } from './domain/land-area.js';
import type { ConsentTransitionDto } from './dto/consent-transition.dto.js';
import type { CreateHouseholdDto } from './dto/create-household.dto.js';
import type { LandParcelDto } from './dto/land-parcel.dto.js';
import type { ListHouseholdsQuery } from './dto/list-households.query.js';
import type { UpdateHouseholdDto } from './dto/update-household.dto.js';
import type { Household } from './household.entity.js';
import {
  ArchiveReasonRequiredError,
  ConsentStatusChangedError,
  ConsentTransitionRefusedError,
  HouseholdArchivedError,
  LandAreaMismatchError,
} from './households.errors.js';
import type { HouseholdConsentChanged } from './households.events.js';
import type { HouseholdListPage } from './household-list.js';
import type { AgendaHousehold } from './households.repository.js';
import { HouseholdsRepository } from './households.repository.js';
import type { LandParcel } from './land-parcel.entity.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import type { RecordLocation } from '../access/scope.js';

export interface TransitionOptions {
  /** Set only by the enforcement capability, which checks LL2024 art. 89's preconditions. */
  viaEnforcement?: boolean;
}

export interface HouseholdWithParcels {
  household: Household;
  parcels: LandParcel[];
}

/** What the visits capability tells a household about a visit it has just recorded. */
export interface VisitContact {
  visitId: string;
  visitedAt: Date;
  nextFollowUpOn: string | null;
}

const toParcelRows = (parcels: LandParcelDto[]): Partial<LandParcel>[] =>
  parcels.map((p) => ({
    mapSheet: p.mapSheet,
    parcelNumber: p.parcelNumber,
    areaM2: p.areaM2,
    landUse: p.landUse ?? null,
  }));

@Injectable()
export class HouseholdsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly households: HouseholdsRepository,
    private readonly projects: ProjectsService,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  async create(projectId: string, input: CreateHouseholdDto): Promise<HouseholdWithParcels> {
    await this.projects.assertExists(projectId);
    const area = resolveLandArea(
      null,
      input.parcels?.map((p) => p.areaM2),
      input.landAreaM2,
    );
    if (!area.ok) throw new LandAreaMismatchError(area.declared, area.parcelsSum);
    const { parcels, landAreaM2: _declared, ...fields } = input;
    return this.tx.run(async () => {
      const household = await this.households.insert(
        {
          ...fields,
          projectId,
          landAreaM2: area.area.areaM2,
          landAreaSource: area.area.source,
          status: 'not_contacted',
          statusChangedAt: this.clock.now(),
        },
        toParcelRows(parcels ?? []),
      );
      return { household, parcels: await this.households.parcelsOf(household.id) };
    });
  }

  async list(projectId: string, query: ListHouseholdsQuery): Promise<HouseholdListPage> {
    if (query.cursor && query.offset > 0) {
      throw new InputValidationError({ offset: ['offset cannot be combined with cursor'] });
    }
    const page = await this.households.list(projectId, query, this.clock.today());
    // Rows prove the project exists; only an empty page costs the check.
    if (page.rows.length === 0) await this.projects.assertExists(projectId);
    return page;
  }

  async get(id: string): Promise<HouseholdWithParcels> {
    const household = await this.households.findById(id);
    if (!household) throw new NotFoundError('Household', id);
    return { household, parcels: await this.households.parcelsOf(id) };
  }

  /** The parcels of these households, by household. */
  parcelsOfMany(householdIds: readonly string[]) {
    return this.households.parcelsOfMany(householdIds);
  }

  /** The subset of `ids` that are live (not archived) households of the project. */
  findIdsInProject(projectId: string, ids: readonly string[]): Promise<string[]> {
    return this.households.findLiveIdsInProject(projectId, ids);
  }

  async update(id: string, input: UpdateHouseholdDto, expected: number | undefined): Promise<HouseholdWithParcels> {
    const { parcels, landAreaM2, archived, archiveReason, version: _version, ...fields } = input;
    if (archived === true && !archiveReason) throw new ArchiveReasonRequiredError();
    return this.tx.run(async () => {
      const household = await this.lockExisting(id);
      assertVersion('Household', household, expected);
      if (household.archivedAt && archived !== false) throw new HouseholdArchivedError(id);

      const area = resolveLandArea(
        { areaM2: household.landAreaM2, source: household.landAreaSource },
        parcels?.map((p) => p.areaM2),
        landAreaM2,
      );
      if (!area.ok) throw new LandAreaMismatchError(area.declared, area.parcelsSum);

      const archiving = archived === true && !household.archivedAt;
      const restoring = archived === false && household.archivedAt !== null;
      Object.assign(household, fields, { landAreaM2: area.area.areaM2, landAreaSource: area.area.source });
      if (archiving) Object.assign(household, { archivedAt: this.clock.now(), archiveReason });
      if (restoring) Object.assign(household, { archivedAt: null, archiveReason: null });
      household.version += 1;
      const saved = await this.households.save(household);
      if (parcels) await this.households.replaceParcels(id, toParcelRows(parcels));
      // Archiving takes a household out of everything a consent move affects: the same followers react.
      if (archiving) {
        await this.events.publish('household.archived', {
          householdId: id,
          projectId: saved.projectId,
          status: saved.status,
          reason: archiveReason as string,
          archivedAt: (saved.archivedAt as Date).toISOString(),
        });
      }
      if (restoring) {
        await this.events.publish('household.restored', {
          householdId: id,
          projectId: saved.projectId,
          status: saved.status,
        });
      }
      return { household: saved, parcels: await this.households.parcelsOf(id) };
    });
  }

  /**
   * Moves a household to another consent status. The row is locked, so two officers moving the same
   * household queue up and the second decides against the first one's result; the status and its
   * history row commit together.
   *
   * Other capabilities call it too, inside their own transaction: enforcement (which alone knows
   * whether the legal preconditions are on file) and resettlement (an accepted unit).
   */
  async transition(
    id: string,
    input: ConsentTransitionDto,
    actor: Actor,
    expected: number | undefined,
    options: TransitionOptions = {},
  ): Promise<Household> {
    return this.tx.run(async () => {
      const household = await this.lockExisting(id);
      assertVersion('Household', household, expected);
      if (input.from && input.from !== household.status)
        throw new ConsentStatusChangedError(id, input.from, household.status);

      const decision = decideTransition(
        {
          from: household.status,
          archived: household.archivedAt !== null,
          viaEnforcement: options.viaEnforcement ?? false,
        },
        {
          to: input.status,
          reason: input.reason,
          condition: input.condition,
          conditionNote: input.conditionNote,
          handoverMode: input.handoverMode,
          handedOverOn: input.handedOverOn,
        },
        this.clock.today(),
      );
      if (!decision.allowed) throw new ConsentTransitionRefusedError(decision.code, decision.message, decision.details);

      const now = this.clock.now();
      await this.households.appendTransition({
        householdId: id,
        projectId: household.projectId,
        fromStatus: household.status,
        toStatus: decision.outcome.status,
        reason: input.reason,
        consentCondition: decision.outcome.consentCondition,
        consentConditionNote: decision.outcome.consentConditionNote,
        handoverMode: decision.outcome.handoverMode,
        handedOverOn: decision.outcome.handedOverOn,
        evidence:
          input.evidence?.map(({ kind, reference, note }) => ({ kind, reference, ...(note ? { note } : {}) })) ?? [],
        actor: actor.name,
        actorId: actor.id,
        at: now,
      });
      await this.events.publish(
        'household.consent-changed',
        consentChanged(household, decision.outcome.status, input.reason, now, null, decision.outcome.consentCondition),
      );
      Object.assign(household, decision.outcome, { statusChangedAt: now });
      household.version += 1;
      return this.households.save(household);
    });
  }

  async history(id: string): Promise<ConsentTransition[]> {
    await this.assertExists(id);
    return this.households.history(id);
  }

  /** Households that need a visit by the end of `date` (see HouseholdsRepository.needingVisit). */
  needingVisit(
    limits: ReadonlyArray<{ id: string; staleAfterDays: number }>,
    householdIds: readonly string[] | null,
    date: string,
    endOfDay: Date,
    limit: number,
  ): Promise<AgendaHousehold[]> {
    return this.households.needingVisit(limits, householdIds, date, endOfDay, limit);
  }

  /** How many of these households have a follow-up overdue at `today`. */
  countOverdue(ids: readonly string[], today: string): Promise<number> {
    return this.households.countOverdue(ids, today);
  }

  /** The code, head and address of these households, for lists that name them. */
  async summaries(ids: readonly string[]): Promise<Array<Pick<Household, 'id' | 'code' | 'headName' | 'address'>>> {
    return this.households.summaries(ids);
  }

  /** The project's households by status at each instant, from the consent history (see the repository). */
  statusesAsOf(projectId: string, instants: readonly Date[]) {
    return this.households.statusesAsOf(projectId, instants);
  }

  /** Live households not consented, by status and condition. */
  holdoutsByCondition(projectId: string) {
    return this.households.holdoutsByCondition(projectId);
  }

  /** Live households not consented, longest holding out first. */
  longestHoldouts(projectId: string, limit: number) {
    return this.households.longestHoldouts(projectId, limit);
  }

  /** Where a household lies, for `@InScope('household')`. */
  @ResolvesScope('household')
  async locate(id: string): Promise<RecordLocation | null> {
    const projectId = await this.households.projectOf(id);
    return projectId ? { projectIds: [projectId], householdId: id } : null;
  }

  /** Where a consent move (a row of the consent history, by its number) lies, for `@InScope('consentMove')`. */
  @ResolvesScope('consentMove')
  async locateTransition(id: string): Promise<RecordLocation | null> {
    if (!/^\d{1,18}$/.test(id)) return null;
    const found = await this.households.transitionLocation(id);
    return found ? { projectIds: [found.projectId], householdId: found.householdId } : null;
  }

  async assertExists(id: string): Promise<void> {
    if (!(await this.households.exists(id))) throw new NotFoundError('Household', id);
  }

  /**
   * Locks the household for the rest of the ambient transaction. Every use case that changes a
   * household's records (visits, enforcement, offers) takes this lock first: household before its
   * records, so they queue rather than deadlock. Null when there is no such household.
   */
  lock(id: string): Promise<Household | null> {
    return this.households.findByIdForUpdate(id);
  }

  /** Locks a live household (see `lock`); an archived one cannot take a visit or a record. */
  async lockLive(id: string): Promise<Household> {
    const household = await this.lockExisting(id);
    if (household.archivedAt) throw new HouseholdArchivedError(id);
    return household;
  }

  /**
   * Applies a recorded visit to its (locked) household: contact time and next follow-up come from
   * the most recent visit (a phone may sync an older one late), and the first visit of a household
   * never contacted starts the persuasion, recorded like any other transition.
   */
  async applyVisit(household: Household, visit: VisitContact, actor: Actor): Promise<Household> {
    const isLatest = household.lastContactAt === null || visit.visitedAt >= household.lastContactAt;
    if (isLatest) {
      household.lastContactAt = visit.visitedAt;
      household.nextFollowUpOn = visit.nextFollowUpOn;
    }
    if (household.status === 'not_contacted') {
      await this.households.appendTransition({
        householdId: household.id,
        projectId: household.projectId,
        fromStatus: 'not_contacted',
        toStatus: 'persuading',
        reason: FIRST_VISIT_REASON,
        visitId: visit.visitId,
        evidence: [],
        actor: actor.name,
        actorId: actor.id,
        at: visit.visitedAt,
      });
      await this.events.publish(
        'household.consent-changed',
        consentChanged(household, 'persuading', FIRST_VISIT_REASON, visit.visitedAt, visit.visitId, null),
      );
      household.status = 'persuading';
      household.statusChangedAt = visit.visitedAt;
    }
    household.version += 1;
    return this.households.save(household);
  }

  private async lockExisting(id: string): Promise<Household> {
    const household = await this.households.findByIdForUpdate(id);
    if (!household) throw new NotFoundError('Household', id);
    return household;
  }
}

function consentChanged(
  household: Household,
  to: ConsentStatus,
  reason: string,
  at: Date,
  visitId: string | null,
  condition: ConsentCondition | null,
): HouseholdConsentChanged {
  return {
    householdId: household.id,
    householdCode: household.code,
    projectId: household.projectId,
    from: household.status,
    to,
    condition,
    reason,
    changedAt: at.toISOString(),
    visitId,
  };
}
