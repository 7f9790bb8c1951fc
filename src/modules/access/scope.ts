/**
 * The records a principal may see, as resolved once per request: every project, or those lying in
 * the principal's administrative units (and the units below them).
 */
export type Scope = { all: true } | { all: false; unitIds: string[]; projectIds: string[] };

export const EVERYTHING: Scope = { all: true };

/**
 * Where a record lies, as its owner's scope resolver says: in projects (usually one; a resettlement
 * fund serves several), or in a ward itself (a ward's daily digest).
 */
export type RecordLocation =
  | {
      projectIds: readonly string[];
      /** The household the record is about, for records that are about one. */
      householdId?: string;
    }
  | { administrativeUnitId: string };

export function projectInScope(scope: Scope, projectId: string): boolean {
  return scope.all || scope.projectIds.includes(projectId);
}

/** A record is in scope when one of its projects is, or its ward is. */
export function locationInScope(scope: Scope, location: RecordLocation): boolean {
  if (scope.all) return true;
  if ('projectIds' in location) return location.projectIds.some((id) => scope.projectIds.includes(id));
  return scope.unitIds.includes(location.administrativeUnitId);
}

export function unitsInScope(scope: Scope, unitIds: readonly string[]): string[] {
  return scope.all ? [...unitIds] : unitIds.filter((id) => scope.unitIds.includes(id));
}

/** For list queries: undefined means "no restriction", otherwise the only project ids allowed. */
export function visibleProjectIds(scope: Scope): string[] | undefined {
  return scope.all ? undefined : scope.projectIds;
}

/** Narrows a filter's project ids to those in scope (undefined filter: everything in scope). */
export function withinScope(scope: Scope, ids: string[] | undefined): string[] | undefined {
  if (scope.all) return ids;
  return ids === undefined ? scope.projectIds : ids.filter((id) => scope.projectIds.includes(id));
}
