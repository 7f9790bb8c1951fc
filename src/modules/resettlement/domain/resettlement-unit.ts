/** What a resettlement fund holds: flats in a resettlement building, or plots to build on. */
export const UNIT_KINDS = ['apartment', 'land_plot'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** available → offered (one pending offer) → allocated (accepted), or back to available. */
export const UNIT_STATUSES = ['available', 'offered', 'allocated'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];
