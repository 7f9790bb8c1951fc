/** A household waiting for resettlement housing, as the waiting list orders it. */
export interface WaitingHousehold {
  householdId: string;
  code: string;
  vulnerable: boolean;
  /** When it committed to consent once housing exists: its move to conditional. */
  committedAt: Date;
}

/**
 * The waiting-list order: vulnerable households first (the elderly, disabled, poor: IFC PS5 asks
 * that they be protected first), then the earliest commitment, then the household code so the
 * order is total and stable.
 */
export function compareWaiting(a: WaitingHousehold, b: WaitingHousehold): number {
  if (a.vulnerable !== b.vulnerable) return a.vulnerable ? -1 : 1;
  const byCommitment = a.committedAt.getTime() - b.committedAt.getTime();
  if (byCommitment !== 0) return byCommitment;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0;
}

export function sortWaitingList<T extends WaitingHousehold>(households: readonly T[]): T[] {
  return [...households].sort(compareWaiting);
}
