/**
 * The response bodies of the raw server: the same fields, names and number types as the product's
 * response mappers (HouseholdResponse, VisitResponse, page envelopes, the error shape), so both
 * servers serialise the same amount of JSON.
 */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const civilDate = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** The civil date (YYYY-MM-DD) of an instant in the product's time zone. */
export const localDate = (instant: Date): string => civilDate.format(instant);

export type Row = Record<string, unknown>;

/** numeric columns arrive as strings; the product's column transformer makes them numbers. */
const num = (value: unknown): number | null => (value === null ? null : Number(value));

export function householdJson(row: Row, parcels?: Row[]): Row {
  return {
    id: row.id,
    projectId: row.project_id,
    code: row.code,
    headName: row.head_name,
    address: row.address,
    phone: row.phone,
    memberCount: row.member_count,
    landAreaM2: num(row.land_area_m2),
    landAreaSource: row.land_area_source,
    ...(parcels ? { parcels: parcels.map(parcelJson) } : {}),
    needsResettlement: row.needs_resettlement,
    vulnerable: row.vulnerable,
    status: row.status,
    condition: row.consent_condition,
    conditionNote: row.consent_condition_note,
    handoverMode: row.handover_mode,
    handedOverOn: row.handed_over_on,
    statusChangedAt: row.status_changed_at,
    lastContactAt: row.last_contact_at,
    nextFollowUpOn: row.next_follow_up_on,
    archived: row.archived_at !== null,
    archivedAt: row.archived_at,
    archiveReason: row.archive_reason,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function parcelJson(row: Row): Row {
  return {
    id: row.id,
    mapSheet: row.map_sheet,
    parcelNumber: row.parcel_number,
    areaM2: num(row.area_m2),
    landUse: row.land_use,
  };
}

export function visitJson(row: Row): Row {
  return {
    id: row.id,
    householdId: row.household_id,
    projectId: row.project_id,
    visitedAt: row.visited_at,
    officers: row.officers,
    officerIds: row.officer_ids ?? [],
    outcome: row.outcome,
    notes: row.notes,
    nextFollowUpOn: row.next_follow_up_on,
    createdBy: row.created_by,
    createdById: row.created_by_id,
    createdAt: row.created_at,
  };
}

export function pageJson(items: Row[], total: number, limit: number, offset: number): Row {
  return { items, total, limit, offset };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
};

/** The product's one error shape. */
export function errorJson(statusCode: number, code: string, message: string, requestId: string): Row {
  return { statusCode, error: REASONS[statusCode] ?? 'Error', code, message, requestId };
}

/** A failure that answers with a status and a code, like the product's DomainError. */
export class RawHttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
