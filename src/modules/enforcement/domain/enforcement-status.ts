import { Transitions } from '../../../common/state-machine/transitions.js';

/**
 * An enforcement record's life: `draft` while the legal preconditions are incomplete, `ready` once
 * they are all on file, `scheduled` when a lawful date is set (the household is then
 * `enforcement_pending`), and it ends `executed` (site recovered), `complied` (the household handed
 * over of its own accord) or `cancelled` (before anything was scheduled).
 */
export const ENFORCEMENT_STATUSES = ['draft', 'ready', 'scheduled', 'executed', 'complied', 'cancelled'] as const;
export type EnforcementStatus = (typeof ENFORCEMENT_STATUSES)[number];

/**
 * The moves, as data. A record is opened as draft or ready (by what its file holds) and moves
 * between them as the file changes; rescheduling keeps it scheduled.
 */
export const ENFORCEMENT_LIFE = Transitions.define<EnforcementStatus>('draft', {
  draft: ['ready', 'scheduled', 'cancelled'],
  ready: ['draft', 'scheduled', 'cancelled'],
  scheduled: ['executed', 'complied'],
  executed: [],
  complied: [],
  cancelled: [],
});

/**
 * Statuses in which the decision data and the persuasion file may still be corrected: those not
 * yet scheduled, which may still be abandoned.
 */
export const EDITABLE_STATUSES: readonly EnforcementStatus[] = ENFORCEMENT_STATUSES.filter((status) =>
  ENFORCEMENT_LIFE.can(status, 'cancelled'),
);

/**
 * How the decision reached the household. A refusal to receive it, recorded with a witness note,
 * counts as delivered (LL2024 art. 89).
 */
export const DELIVERY_KINDS = ['delivered', 'refused'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** Who carried out a persuasion visit: the ward working group or the Fatherland Front. */
export const PERSUADERS = ['ward', 'fatherland_front'] as const;
export type Persuader = (typeof PERSUADERS)[number];

/** A visit of the household that the chair attests as persuasion by one of the two bodies. */
export interface PersuasionAttestation {
  visitId: string;
  by: Persuader;
}

/** The article every enforcement rule comes from. */
export const ENFORCEMENT_LEGAL_BASIS = 'LL2024 art. 89';
