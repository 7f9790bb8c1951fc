import type { UnitKind } from './resettlement-unit.js';
import { sortWaitingList, type WaitingHousehold } from './waiting-list.js';

export interface AvailableUnit {
  unitId: string;
  code: string;
  kind: UnitKind;
  areaM2: number;
}

/** A household that may receive an offer now: on the waiting list, no pending offer, no unit yet. */
export interface OfferCandidate extends WaitingHousehold {
  /** Units this household has already declined or let expire: never offered to it again. */
  refusedUnitIds: readonly string[];
}

/**
 * The fit rule, kept deliberately simple: any apartment or land plot suits any waiting household
 * (the household answers the offer, and may decline a unit that does not suit it), except a unit it
 * has already declined or let expire, which goes on to the next household instead.
 */
export const KINDS_FOR_ANY_HOUSEHOLD: readonly UnitKind[] = ['apartment', 'land_plot'];

export function unitFits(unit: AvailableUnit, household: OfferCandidate): boolean {
  return KINDS_FOR_ANY_HOUSEHOLD.includes(unit.kind) && !household.refusedUnitIds.includes(unit.unitId);
}

export interface Pairing {
  unit: AvailableUnit;
  household: OfferCandidate;
}

/**
 * Offers each unit, in code order, to the first household on the waiting list that fits it and has
 * not been paired in this round. Units nobody fits stay available.
 */
export function pairUnitsWithWaitingList(
  units: readonly AvailableUnit[],
  candidates: readonly OfferCandidate[],
): Pairing[] {
  const queue = sortWaitingList(candidates);
  const taken = new Set<string>();
  const pairings: Pairing[] = [];
  const ordered = [...units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const unit of ordered) {
    const household = queue.find((candidate) => !taken.has(candidate.householdId) && unitFits(unit, candidate));
    if (!household) continue;
    taken.add(household.householdId);
    pairings.push({ unit, household });
  }
  return pairings;
}
