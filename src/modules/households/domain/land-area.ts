import type { LandAreaSource } from '../household.entity.js';

export interface LandArea {
  areaM2: number;
  source: LandAreaSource;
}

export type LandAreaDecision = { ok: true; area: LandArea } | { ok: false; declared: number; parcelsSum: number };

/** Sums in hundredths of a m², as the database stores them, so 0.1 + 0.2 is exactly 0.3. */
export function sumAreas(areas: readonly number[]): number {
  return areas.reduce((total, area) => total + Math.round(area * 100), 0) / 100;
}

/**
 * A household's land area is the sum of its parcels when it has any, otherwise what was declared.
 * `parcels` undefined means "not being changed"; an empty list removes the parcels.
 */
export function resolveLandArea(
  current: LandArea | null,
  parcels: readonly number[] | undefined,
  declared: number | undefined,
): LandAreaDecision {
  if (parcels !== undefined && parcels.length > 0) {
    const parcelsSum = sumAreas(parcels);
    if (declared !== undefined && Math.round(declared * 100) !== Math.round(parcelsSum * 100)) {
      return { ok: false, declared, parcelsSum };
    }
    return { ok: true, area: { areaM2: parcelsSum, source: 'parcels' } };
  }
  if (parcels === undefined && current?.source === 'parcels') {
    if (declared !== undefined && Math.round(declared * 100) !== Math.round(current.areaM2 * 100)) {
      return { ok: false, declared, parcelsSum: current.areaM2 };
    }
    return { ok: true, area: current };
  }
  return { ok: true, area: { areaM2: declared ?? current?.areaM2 ?? 0, source: 'declared' } };
}
