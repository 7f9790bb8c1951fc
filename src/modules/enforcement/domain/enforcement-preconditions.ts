import type { DeliveryKind, PersuasionAttestation } from './enforcement-status.js';

/** Facts about a record and the household's persuasion file, loaded by the service. */
export interface PreconditionFacts {
  decisionPostedOn: string | null;
  delivery: DeliveryKind | null;
  deliveredOn: string | null;
  attestations: readonly PersuasionAttestation[];
  /** Ids of the visits on file for this household: an attestation counts only if it names one. */
  householdVisitIds: ReadonlySet<string>;
  /** The dialogue session attested on the record, as loaded; null when none is attested. */
  dialogue: { held: boolean; householdInvited: boolean } | null;
}

/** What may be missing, in the order the law lists it. */
export const PRECONDITIONS = [
  'ward_persuasion',
  'fatherland_front_persuasion',
  'dialogue_session_held',
  'decision_posted',
  'decision_delivered',
] as const;
export type Precondition = (typeof PRECONDITIONS)[number];

/**
 * The preconditions of compulsory recovery that are not yet on file (LL2024 art. 89): persuasion by
 * the ward People's Committee (its working group) and by the Fatherland Front, a dialogue session held
 * with the household invited, and the enforcement decision posted and delivered (a witnessed refusal
 * to receive it counts as delivered). Empty when enforcement may be scheduled. Pure.
 */
export function missingPreconditions(facts: PreconditionFacts): Precondition[] {
  const attestedBy = (by: PersuasionAttestation['by']) =>
    facts.attestations.some((a) => a.by === by && facts.householdVisitIds.has(a.visitId));
  const present: Record<Precondition, boolean> = {
    ward_persuasion: attestedBy('ward'),
    fatherland_front_persuasion: attestedBy('fatherland_front'),
    dialogue_session_held: facts.dialogue !== null && facts.dialogue.held && facts.dialogue.householdInvited,
    decision_posted: facts.decisionPostedOn !== null,
    decision_delivered: facts.delivery !== null && facts.deliveredOn !== null,
  };
  return PRECONDITIONS.filter((p) => !present[p]);
}
