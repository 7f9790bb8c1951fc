import { Transitions } from '../../../common/state-machine/transitions.js';

/** Consent statuses, in the order a ward chair reads them. */
export const CONSENT_STATUSES = [
  'not_contacted',
  'persuading',
  'objecting',
  'conditional',
  'agreed',
  'enforcement_pending',
  'handed_over',
] as const;
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];

/** What a `conditional` household waits for before it agrees. */
export const CONSENT_CONDITIONS = [
  'resettlement_housing',
  'compensation_review',
  'land_valuation',
  'relocation_support',
  'other',
] as const;
export type ConsentCondition = (typeof CONSENT_CONDITIONS)[number];

export const HANDOVER_MODES = ['voluntary', 'enforced'] as const;
export type HandoverMode = (typeof HANDOVER_MODES)[number];

/** Statuses that count as consent in the consent rate: (agreed + handed_over) / all. */
export const CONSENTED_STATUSES: readonly ConsentStatus[] = ['agreed', 'handed_over'];

/**
 * The allowed moves, as data. Backward moves (withdrawal of consent, a conditional household that
 * turns against the plan) are edges like any other: each one is recorded with its reason.
 */
export const CONSENT_TRANSITIONS: Readonly<Record<ConsentStatus, readonly ConsentStatus[]>> = {
  not_contacted: ['persuading'],
  persuading: ['objecting', 'conditional', 'agreed'],
  objecting: ['persuading', 'conditional', 'agreed', 'enforcement_pending'],
  conditional: ['agreed', 'objecting', 'persuading'],
  agreed: ['handed_over', 'objecting', 'conditional'],
  // LL2024 art. 89(4): a household that complies during enforcement goes back to agreed.
  enforcement_pending: ['handed_over', 'agreed'],
  handed_over: [],
};

/** The consent state machine; every household starts not contacted. */
export const CONSENT_LIFE = Transitions.define<ConsentStatus>('not_contacted', CONSENT_TRANSITIONS);

/** The reason recorded when a household's first visit starts the persuasion. */
export const FIRST_VISIT_REASON = 'Thăm hộ lần đầu: bắt đầu vận động';
