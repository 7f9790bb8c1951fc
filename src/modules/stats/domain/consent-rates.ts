import { CONSENT_STATUSES, CONSENTED_STATUSES, type ConsentStatus } from '../../households/domain/consent-status.js';

/** Live households of one status in one project, as the database counted them. */
export interface StatusTally {
  households: number;
  areaM2: number;
}

/** A status with no live household may be absent. */
export type StatusTallies = Partial<Record<ConsentStatus, StatusTally>>;

export type PerStatus = Record<ConsentStatus, number>;

export interface ConsentFigures {
  households: { total: number; consented: number; byStatus: PerStatus };
  /** (agreed + handed_over) / all live households. */
  consentRate: number;
  conditionalRate: number;
  handedOverRate: number;
  area: { totalM2: number; consentedM2: number; handedOverM2: number; consentRate: number; byStatus: PerStatus };
  consentThreshold: number;
  thresholdReached: boolean;
}

/** A handed-over household has nothing left to follow up, whatever its last visit planned. */
export const FOLLOW_UP_CLOSED_STATUSES: readonly ConsentStatus[] = ['handed_over'];

const RATE_DECIMALS = 4;
const AREA_DECIMALS = 2;

export function consentFigures(tallies: StatusTallies, consentThreshold: number): ConsentFigures {
  const count = (status: ConsentStatus): number => tallies[status]?.households ?? 0;
  const area = (status: ConsentStatus): number => tallies[status]?.areaM2 ?? 0;

  const total = sumOver(CONSENT_STATUSES, count);
  const consented = sumOver(CONSENTED_STATUSES, count);
  const totalM2 = roundArea(sumOver(CONSENT_STATUSES, area));
  const consentedM2 = roundArea(sumOver(CONSENTED_STATUSES, area));

  return {
    households: { total, consented, byStatus: perStatus(count) },
    consentRate: rate(consented, total),
    conditionalRate: rate(count('conditional'), total),
    handedOverRate: rate(count('handed_over'), total),
    area: {
      totalM2,
      consentedM2,
      handedOverM2: roundArea(area('handed_over')),
      consentRate: rate(consentedM2, totalM2),
      byStatus: perStatus((status) => roundArea(area(status))),
    },
    consentThreshold,
    thresholdReached: thresholdReached(consented, total, consentThreshold),
  };
}

/** `part / whole` rounded for display; an empty whole has a rate of 0, not NaN. */
export function rate(part: number, whole: number): number {
  return whole > 0 ? round(part / whole, RATE_DECIMALS) : 0;
}

/** Areas arrive as exact decimals; float addition of a few of them only needs the noise removed. */
export function roundArea(m2: number): number {
  return round(m2, AREA_DECIMALS);
}

/**
 * Compared in whole ten-thousandths rather than as floats or rounded rates, so the alert never flips
 * on representation error at the boundary (0.7 × 10 is not 7 in binary). The threshold has 4 decimals
 * in the database, like the rates.
 */
export function thresholdReached(consented: number, total: number, threshold: number): boolean {
  if (total === 0) return false;
  const scale = 10 ** RATE_DECIMALS;
  return consented * scale >= Math.round(threshold * scale) * total;
}

function round(value: number, decimals: number): number {
  const scale = 10 ** decimals;
  // Without EPSILON, 1.005 × 100 = 100.49999… would round down.
  return Math.round((value + Number.EPSILON) * scale) / scale;
}

function sumOver(statuses: readonly ConsentStatus[], value: (status: ConsentStatus) => number): number {
  return statuses.reduce((sum, status) => sum + value(status), 0);
}

function perStatus(value: (status: ConsentStatus) => number): PerStatus {
  return Object.fromEntries(CONSENT_STATUSES.map((status) => [status, value(status)])) as PerStatus;
}
