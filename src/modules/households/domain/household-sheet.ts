import type { ConsentCondition, ConsentStatus } from './consent-status.js';

/**
 * The household sheet: the columns a district's household list is imported from and exported to,
 * one row per land parcel (a household's columns repeat on each of its parcels; a household with
 * no parcel has one row with the parcel columns empty). The code is the key. Export-only columns
 * are ignored on import, so an export is re-importable as it is.
 */
export const IMPORT_COLUMNS = [
  { key: 'code', header: 'Mã hộ' },
  { key: 'headName', header: 'Chủ hộ' },
  { key: 'address', header: 'Địa chỉ' },
  { key: 'phone', header: 'Điện thoại' },
  { key: 'memberCount', header: 'Số nhân khẩu' },
  { key: 'needsResettlement', header: 'Cần tái định cư' },
  { key: 'vulnerable', header: 'Thuộc diện ưu tiên' },
  { key: 'mapSheet', header: 'Tờ bản đồ' },
  { key: 'parcelNumber', header: 'Số thửa' },
  { key: 'areaM2', header: 'Diện tích thửa (m²)' },
  { key: 'landUse', header: 'Mục đích sử dụng' },
] as const;

export const EXPORT_ONLY_COLUMNS = [
  { key: 'status', header: 'Trạng thái' },
  { key: 'condition', header: 'Điều kiện' },
  { key: 'landAreaM2', header: 'Tổng diện tích (m²)' },
  { key: 'lastContactAt', header: 'Lần tiếp xúc gần nhất' },
  { key: 'nextFollowUpOn', header: 'Hẹn thăm lại' },
  { key: 'workingGroup', header: 'Tổ công tác' },
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['key'];
export type ExportColumn = ImportColumn | (typeof EXPORT_ONLY_COLUMNS)[number]['key'];

export const EXPORT_COLUMNS = [...IMPORT_COLUMNS, ...EXPORT_ONLY_COLUMNS];

export const CONSENT_STATUS_LABELS: Readonly<Record<ConsentStatus, string>> = {
  not_contacted: 'Chưa tiếp xúc',
  persuading: 'Đang vận động',
  objecting: 'Không đồng ý',
  conditional: 'Đồng ý có điều kiện',
  agreed: 'Đồng ý',
  enforcement_pending: 'Chờ cưỡng chế',
  handed_over: 'Đã bàn giao',
};

export const CONSENT_CONDITION_LABELS: Readonly<Record<ConsentCondition, string>> = {
  resettlement_housing: 'Chờ nhà tái định cư',
  compensation_review: 'Xem xét lại bồi thường',
  land_valuation: 'Định giá lại đất',
  relocation_support: 'Hỗ trợ di chuyển',
  other: 'Khác',
};

/** One data row of a sheet as read: its row number in the file (1 = the header) and its cells by column. */
export interface SheetRow {
  row: number;
  cells: Partial<Record<ImportColumn, string>>;
}

/** A household as the rows of a sheet give it, in the shape CreateHouseholdDto validates. */
export interface SheetHousehold {
  code: string;
  /** The rows it came from, the first holding its household columns. */
  rows: number[];
  /** The row of each of its parcels, in order. */
  parcelRows: number[];
  input: Record<string, unknown>;
}

/** A problem of a row, in the column it is in (null: the row as a whole). */
export interface SheetProblem {
  row: number;
  column: string | null;
  message: string;
}

const YES = new Set(['có', 'co', 'x', 'yes', 'true', '1', 'đúng']);
const NO = new Set(['', 'không', 'khong', 'no', 'false', '0']);

/** Header cells → columns: each known header (case, accents-as-typed and spaces aside) to its column. */
export function columnsOfHeader(header: readonly string[]): {
  columns: Map<number, ImportColumn>;
  problems: SheetProblem[];
} {
  const byHeader = new Map<string, ImportColumn>(IMPORT_COLUMNS.map((c) => [normaliseHeader(c.header), c.key]));
  const exportOnly = new Set<string>(EXPORT_ONLY_COLUMNS.map((c) => normaliseHeader(c.header)));
  const columns = new Map<number, ImportColumn>();
  const problems: SheetProblem[] = [];
  header.forEach((cell, index) => {
    const name = normaliseHeader(cell);
    const key =
      byHeader.get(name) ??
      (IMPORT_COLUMNS.some((c) => c.key === cell.trim()) ? (cell.trim() as ImportColumn) : undefined);
    if (key) columns.set(index, key);
    else if (name && !exportOnly.has(name)) {
      problems.push({ row: 1, column: cell, message: `Cột "${cell}" không có trong mẫu; cột này được bỏ qua` });
    }
  });
  for (const required of ['code', 'headName'] as const) {
    if (![...columns.values()].includes(required)) {
      const header = IMPORT_COLUMNS.find((c) => c.key === required)?.header ?? required;
      problems.push({ row: 1, column: header, message: `Thiếu cột bắt buộc "${header}"` });
    }
  }
  return { columns, problems };
}

function normaliseHeader(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase('vi').replace(/\s+/g, ' ');
}

/**
 * Groups rows into households by code and turns their cells into creation inputs. Pure. Problems
 * found here (a household whose rows disagree, a yes/no that is neither) come back with their row
 * and column; field validation is left to the DTO, whose errors `problemsOfFields` places.
 */
export function householdsOfRows(rows: readonly SheetRow[]): {
  households: SheetHousehold[];
  problems: SheetProblem[];
} {
  const problems: SheetProblem[] = [];
  const byCode = new Map<string, SheetHousehold>();
  const header = (key: ImportColumn) => IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key;
  for (const { row, cells } of rows) {
    const text = (key: ImportColumn) => cells[key]?.normalize('NFC').trim() ?? '';
    if (IMPORT_COLUMNS.every((c) => text(c.key) === '')) continue;
    const code = text('code');
    if (!code) {
      problems.push({ row, column: header('code'), message: 'Thiếu mã hộ' });
      continue;
    }
    const flag = (key: 'needsResettlement' | 'vulnerable'): boolean | undefined => {
      const value = text(key).toLocaleLowerCase('vi');
      if (YES.has(value)) return true;
      if (NO.has(value)) return value === '' ? undefined : false;
      problems.push({ row, column: header(key), message: `"${text(key)}" không phải "có" hoặc "không"` });
      return undefined;
    };
    const household: Record<string, unknown> = {
      code,
      headName: text('headName'),
      address: text('address') || null,
      phone: text('phone') || null,
      ...(text('memberCount') ? { memberCount: numberOf(text('memberCount')) } : {}),
      ...optional('needsResettlement', flag('needsResettlement')),
      ...optional('vulnerable', flag('vulnerable')),
    };
    const hasParcel = ['mapSheet', 'parcelNumber', 'areaM2', 'landUse'].some((key) => text(key as ImportColumn) !== '');
    const parcel = hasParcel
      ? {
          mapSheet: text('mapSheet'),
          parcelNumber: text('parcelNumber'),
          areaM2: numberOf(text('areaM2')),
          ...(text('landUse') ? { landUse: text('landUse') } : {}),
        }
      : null;
    const seen = byCode.get(code);
    if (!seen) {
      byCode.set(code, {
        code,
        rows: [row],
        parcelRows: parcel ? [row] : [],
        input: { ...household, parcels: parcel ? [parcel] : [] },
      });
      continue;
    }
    seen.rows.push(row);
    for (const key of ['headName', 'address', 'phone'] as const) {
      if ((household[key] ?? null) !== (seen.input[key] ?? null) && household[key]) {
        problems.push({
          row,
          column: header(key),
          message: `Hộ ${code} đã có ở dòng ${seen.rows[0]} với ${header(key).toLocaleLowerCase('vi')} khác`,
        });
      }
    }
    if (parcel) {
      (seen.input.parcels as unknown[]).push(parcel);
      seen.parcelRows.push(row);
    }
  }
  return { households: [...byCode.values()], problems };
}

function optional(key: string, value: boolean | undefined): Record<string, boolean> {
  return value === undefined ? {} : { [key]: value };
}

/** "1.234,5" (Vietnamese), "1,234.5" and "1234.5" all read as 1234.5; anything else stays text for the validator. */
export function numberOf(text: string): number | string {
  const compact = text.replace(/\s/g, '');
  const vietnamese = /^\d{1,3}(\.\d{3})*(,\d+)?$/.test(compact) && (compact.includes(',') || /\.\d{3}$/.test(compact));
  const normalised = vietnamese
    ? compact.replace(/\./g, '').replace(',', '.')
    : compact.replace(/,(?=\d{3}(\D|$))/g, '');
  const value = Number(normalised);
  return normalised !== '' && Number.isFinite(value) ? value : text;
}

/** Field paths of a household's validation errors → the rows and columns of the sheet they came from. */
export function problemsOfFields(household: SheetHousehold, fields: Record<string, string[]>): SheetProblem[] {
  const headerOf = (key: string) => IMPORT_COLUMNS.find((c) => c.key === key)?.header ?? key;
  return Object.entries(fields).flatMap(([path, messages]) => {
    const parcel = /^parcels\.(\d+)\.(\w+)$/.exec(path);
    const row = parcel ? (household.parcelRows[Number(parcel[1])] ?? household.rows[0]) : household.rows[0];
    const column = parcel ? headerOf(parcel[2]) : path === 'parcels' ? null : headerOf(path);
    return messages.map((message) => ({ row, column, message }));
  });
}
