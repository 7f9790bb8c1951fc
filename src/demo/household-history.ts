import type { ConsentTransition, EvidenceRef } from '../modules/households/consent-transition.entity.js';
import {
  CONSENT_TRANSITIONS,
  type ConsentCondition,
  type ConsentStatus,
  type HandoverMode,
} from '../modules/households/domain/consent-status.js';
import type { Household } from '../modules/households/household.entity.js';
import type { Visit, VisitOutcome } from '../modules/visits/visit.entity.js';
import { addMinutes, type CivilDate, hanoiDateOf } from './calendar.js';
import type { Random } from './random.js';
import { REASONS } from './vietnamese.js';

export type TransitionRow = Omit<ConsentTransition, 'id'>;

/** The household columns that follow from its history. */
export type DerivedHouseholdFields = Pick<
  Household,
  | 'status'
  | 'consentCondition'
  | 'consentConditionNote'
  | 'handoverMode'
  | 'handedOverOn'
  | 'statusChangedAt'
  | 'lastContactAt'
  | 'nextFollowUpOn'
  | 'version'
  | 'updatedAt'
>;

export interface VisitSpec {
  at: Date;
  officers: string[];
  outcome: VisitOutcome;
  notes: string;
  nextFollowUpOn: CivilDate | null;
}

export interface MoveSpec {
  at: Date;
  reason: string;
  actor: string;
  visitId?: string | null;
  condition?: ConsentCondition;
  conditionNote?: string;
  handedOverOn?: CivilDate;
  evidence?: EvidenceRef[];
}

/**
 * One household's visits and consent history, written the way the live services would have written
 * them: every status change is a transition allowed by CONSENT_TRANSITIONS (anything else throws, so
 * a bad demo recipe fails the build, not the demo), the first visit starts the persuasion, and the
 * household's own columns (status, contact, follow-up, version) follow from the rows.
 */
export class HouseholdHistory {
  readonly visits: Visit[] = [];
  readonly transitions: TransitionRow[] = [];
  status: ConsentStatus = 'not_contacted';
  private consentCondition: ConsentCondition | null = null;
  private consentConditionNote: string | null = null;
  private handoverMode: HandoverMode | null = null;
  private handedOverOn: CivilDate | null = null;
  private statusChangedAt: Date;
  private lastContactAt: Date | null = null;
  private nextFollowUpOn: CivilDate | null = null;
  private version = 1;
  private lastEventAt: Date | null = null;

  constructor(
    readonly householdId: string,
    readonly projectId: string,
    private readonly createdAt: Date,
    private readonly ids: Random,
  ) {
    this.statusChangedAt = createdAt;
  }

  /** The Hanoi day of the latest visit or transition; the next one must come after it. */
  get lastEventDay(): CivilDate | null {
    return this.lastEventAt ? hanoiDateOf(this.lastEventAt) : null;
  }

  /** The status in force at `instant` (transitions at exactly `instant` included). */
  statusAt(instant: Date): ConsentStatus {
    let status: ConsentStatus = 'not_contacted';
    for (const transition of this.transitions) {
      if (transition.at.getTime() > instant.getTime()) break;
      status = transition.toStatus;
    }
    return status;
  }

  visit(spec: VisitSpec): string {
    if (this.status === 'handed_over')
      throw new Error(`demo history: visit to handed-over household ${this.householdId}`);
    this.assertAfterLastEvent(spec.at);
    const id = this.ids.uuid();
    const actor = spec.officers[0];
    this.visits.push({
      id,
      householdId: this.householdId,
      projectId: this.projectId,
      visitedAt: spec.at,
      officers: spec.officers,
      // Historical visits keep their officers by name.
      officerIds: [],
      outcome: spec.outcome,
      notes: spec.notes,
      nextFollowUpOn: spec.nextFollowUpOn,
      idempotencyKey: null,
      requestHash: null,
      createdBy: actor,
      // The demo officers have no accounts: history keeps their names only.
      createdById: null,
      // Logged from the phone before leaving the house.
      createdAt: addMinutes(spec.at, 20),
    });
    this.lastContactAt = spec.at;
    this.nextFollowUpOn = spec.nextFollowUpOn;
    this.version += 1;
    this.lastEventAt = spec.at;
    if (this.status === 'not_contacted') {
      this.record('persuading', { at: spec.at, reason: REASONS.firstVisit, actor, visitId: id });
    }
    return id;
  }

  move(to: ConsentStatus, spec: MoveSpec): void {
    this.assertAfterLastEvent(spec.at);
    this.record(to, spec);
    this.version += 1;
    this.lastEventAt = spec.at;
  }

  fields(): DerivedHouseholdFields {
    return {
      status: this.status,
      consentCondition: this.consentCondition,
      consentConditionNote: this.consentConditionNote,
      handoverMode: this.handoverMode,
      handedOverOn: this.handedOverOn,
      statusChangedAt: this.statusChangedAt,
      lastContactAt: this.lastContactAt,
      nextFollowUpOn: this.nextFollowUpOn,
      version: this.version,
      updatedAt: this.lastEventAt ?? this.createdAt,
    };
  }

  private record(to: ConsentStatus, spec: MoveSpec): void {
    const from = this.status;
    if (!CONSENT_TRANSITIONS[from].includes(to)) {
      throw new Error(`demo history: ${from} → ${to} is not an allowed move (household ${this.householdId})`);
    }
    if ((to === 'conditional') !== (spec.condition !== undefined)) {
      throw new Error(
        `demo history: a condition belongs to, and only to, a move to conditional (household ${this.householdId})`,
      );
    }
    if ((to === 'handed_over') !== (spec.handedOverOn !== undefined)) {
      throw new Error(
        `demo history: a hand-over date belongs to, and only to, a move to handed_over (household ${this.householdId})`,
      );
    }
    const handoverMode: HandoverMode | null =
      to === 'handed_over' ? (from === 'enforcement_pending' ? 'enforced' : 'voluntary') : null;
    this.transitions.push({
      householdId: this.householdId,
      projectId: this.projectId,
      fromStatus: from,
      toStatus: to,
      reason: spec.reason,
      consentCondition: spec.condition ?? null,
      consentConditionNote: spec.condition ? (spec.conditionNote ?? null) : null,
      handoverMode,
      handedOverOn: spec.handedOverOn ?? null,
      evidence: spec.evidence ?? [],
      visitId: spec.visitId ?? null,
      actor: spec.actor,
      actorId: null,
      at: spec.at,
    });
    this.status = to;
    this.statusChangedAt = spec.at;
    this.consentCondition = spec.condition ?? null;
    this.consentConditionNote = spec.condition ? (spec.conditionNote ?? null) : null;
    this.handoverMode = handoverMode;
    this.handedOverOn = spec.handedOverOn ?? null;
  }

  private assertAfterLastEvent(at: Date): void {
    if (this.lastEventAt && at.getTime() <= this.lastEventAt.getTime()) {
      throw new Error(`demo history: events out of order for household ${this.householdId} (${at.toISOString()})`);
    }
  }
}
