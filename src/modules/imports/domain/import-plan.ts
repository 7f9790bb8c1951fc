import type { HouseholdColumns, ParcelColumns, StoredHousehold } from '../../households/households-bulk.repository.js';
import { resolveLandArea } from '../../households/domain/land-area.js';
import {
  IMPORT_COLUMNS,
  type ImportColumn,
  type SheetHousehold,
  type SheetProblem,
} from '../../households/domain/household-sheet.js';

/** A household of the file, validated: its own columns as the file gives them, and its parcels. */
export interface ValidHousehold {
  sheet: SheetHousehold;
  fields: Omit<HouseholdColumns, 'landAreaM2' | 'landAreaSource'>;
  parcels: ParcelColumns[];
}

export interface PlannedCreate {
  columns: HouseholdColumns;
  parcels: ParcelColumns[];
}

export interface PlannedUpdate {
  id: string;
  before: HouseholdColumns;
  columns: HouseholdColumns;
  /** Replaced when the file has parcel columns and they differ. */
  parcels: ParcelColumns[] | null;
  /** Field → { before, after }, as the audit trail records it. */
  changes: Record<string, { before: unknown; after: unknown }>;
}

export interface ImportPlan {
  creates: PlannedCreate[];
  updates: PlannedUpdate[];
  unchanged: number;
  problems: SheetProblem[];
}

const HOUSEHOLD_FIELDS = ['headName', 'address', 'phone', 'memberCount', 'needsResettlement', 'vulnerable'] as const;
const PARCEL_COLUMNS: readonly ImportColumn[] = ['mapSheet', 'parcelNumber', 'areaM2', 'landUse'];
const header = (key: ImportColumn) => IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key;

const parcelKey = (p: ParcelColumns) => `${p.mapSheet}\u0000${p.parcelNumber}`;
const sameParcels = (a: readonly ParcelColumns[], b: readonly ParcelColumns[]) => {
  const text = (list: readonly ParcelColumns[]) =>
    list
      .map((p) => `${parcelKey(p)}\u0000${Math.round(p.areaM2 * 100)}\u0000${p.landUse ?? ''}`)
      .sort()
      .join('\n');
  return text(a) === text(b);
};

/**
 * What importing the file would do: households whose code is new are created; existing ones get the
 * columns the file has (a column the file lacks leaves the stored value alone) and, when it has
 * parcel columns, its parcels; a household the file does not change is left untouched, so importing
 * the same file twice changes nothing the second time. Pure.
 */
export function planImport(
  households: readonly ValidHousehold[],
  existing: ReadonlyMap<string, StoredHousehold>,
  present: ReadonlySet<ImportColumn>,
): ImportPlan {
  const plan: ImportPlan = { creates: [], updates: [], unchanged: 0, problems: [] };
  const withParcels = PARCEL_COLUMNS.some((column) => present.has(column));
  for (const household of households) {
    const firstRow = household.sheet.rows[0];
    const duplicate = duplicateParcel(household);
    if (duplicate) {
      plan.problems.push(duplicate);
      continue;
    }
    const stored = existing.get(household.sheet.code);
    if (stored?.archived) {
      plan.problems.push({
        row: firstRow,
        column: header('code'),
        message: `Hộ ${stored.code} đã được lưu trữ; khôi phục hộ trước khi nhập lại`,
      });
      continue;
    }
    if (!stored) {
      const area = resolveLandArea(
        null,
        household.parcels.map((p) => p.areaM2),
        undefined,
      );
      if (!area.ok) continue;
      plan.creates.push({
        columns: { ...household.fields, landAreaM2: area.area.areaM2, landAreaSource: area.area.source },
        parcels: household.parcels,
      });
      continue;
    }
    const merged = { ...pick(stored) };
    for (const field of HOUSEHOLD_FIELDS) {
      if (present.has(field)) (merged as Record<string, unknown>)[field] = household.fields[field];
    }
    const parcelsChange = withParcels && !sameParcels(stored.parcels, household.parcels);
    const area = resolveLandArea(
      { areaM2: stored.landAreaM2, source: stored.landAreaSource },
      withParcels ? household.parcels.map((p) => p.areaM2) : undefined,
      undefined,
    );
    if (!area.ok) continue;
    const columns: HouseholdColumns = { ...merged, landAreaM2: area.area.areaM2, landAreaSource: area.area.source };
    const before = pick(stored);
    const changes: PlannedUpdate['changes'] = {};
    for (const [field, value] of Object.entries(columns) as Array<[keyof HouseholdColumns, unknown]>) {
      if (value !== before[field]) changes[field] = { before: before[field], after: value };
    }
    if (parcelsChange) changes.parcels = { before: stored.parcels, after: household.parcels };
    if (Object.keys(changes).length === 0) {
      plan.unchanged += 1;
      continue;
    }
    plan.updates.push({ id: stored.id, before, columns, parcels: parcelsChange ? household.parcels : null, changes });
  }
  return plan;
}

function pick(stored: StoredHousehold): HouseholdColumns {
  const { code, headName, address, phone, memberCount, needsResettlement, vulnerable, landAreaM2, landAreaSource } =
    stored;
  return { code, headName, address, phone, memberCount, needsResettlement, vulnerable, landAreaM2, landAreaSource };
}

function duplicateParcel(household: ValidHousehold): SheetProblem | null {
  const seen = new Map<string, number>();
  for (const [index, parcel] of household.parcels.entries()) {
    const key = parcelKey(parcel);
    const row = household.sheet.parcelRows[index] ?? household.sheet.rows[0];
    const first = seen.get(key);
    if (first !== undefined) {
      return {
        row,
        column: header('parcelNumber'),
        message: `Thửa ${parcel.parcelNumber} tờ ${parcel.mapSheet} của hộ ${household.sheet.code} đã có ở dòng ${first}`,
      };
    }
    seen.set(key, row);
  }
  return null;
}
