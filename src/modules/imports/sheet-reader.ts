import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';

export const TEXT_ENCODINGS = ['utf-8-bom', 'utf-8', 'windows-1258'] as const;
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];

export interface ReadSheet {
  format: 'csv' | 'xlsx';
  /** How a CSV's bytes were read; null for XLSX (always UTF-8 inside). */
  encoding: TextEncoding | null;
  /** The cells of each row with its row number in the file (1-based), the header first, as text. */
  rows: Array<{ line: number; cells: string[] }>;
}

export class UnreadableSheetError extends Error {}

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * A CSV's text, whatever Excel or an older tool saved it as: UTF-8 with a byte-order mark (Excel's
 * "CSV UTF-8"), plain UTF-8, or else Windows-1258 (Vietnamese ANSI, with its combining tone marks
 * composed back into NFC).
 */
export function decodeCsv(bytes: Buffer): { text: string; encoding: TextEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: bytes.subarray(3).toString('utf8').normalize('NFC'), encoding: 'utf-8-bom' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC'), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1258').decode(bytes).normalize('NFC'), encoding: 'windows-1258' };
  }
}

/** Reads an uploaded CSV or XLSX (told apart by content) into rows of text cells. */
export async function readSheet(bytes: Buffer): Promise<ReadSheet> {
  if (bytes.subarray(0, 4).equals(XLSX_MAGIC)) return { format: 'xlsx', encoding: null, rows: await readXlsx(bytes) };
  const { text, encoding } = decodeCsv(bytes);
  try {
    const records = parse(text, {
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return { format: 'csv', encoding, rows: records.map(({ record, info }) => ({ line: info.lines, cells: record })) };
  } catch (error) {
    throw new UnreadableSheetError(`The CSV cannot be read: ${(error as Error).message}`);
  }
}

async function readXlsx(bytes: Buffer): Promise<ReadSheet['rows']> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableSheetError(`The XLSX workbook cannot be read: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableSheetError('The XLSX workbook has no worksheet');
  const rows: ReadSheet['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: string[] = [];
    for (let index = 1; index <= row.cellCount; index += 1) {
      const cell = row.getCell(index);
      cells.push(cellText(cell.value));
    }
    rows.push({ line: row.number, cells });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result);
    return '';
  }
  return String(value).normalize('NFC');
}
