import { stringify } from 'csv-stringify';
import { PassThrough, type Readable } from 'node:stream';
import { once } from 'node:events';

export const SHEET_FORMATS = ['csv', 'xlsx'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

export const SHEET_CONTENT_TYPES: Readonly<Record<SheetFormat, string>> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export type Cell = string | number | boolean | null;

/**
 * A sheet streamed as it is produced: CSV in UTF-8 with a byte-order mark (so Excel reads the
 * Vietnamese right), or an XLSX workbook written row by row. Rows come from an async source, read
 * only as fast as the client takes them; an error of the source ends the stream with that error.
 */
export function sheetStream(
  format: SheetFormat,
  sheet: { name: string; header: readonly string[]; rows: AsyncIterable<readonly Cell[]> },
): Readable {
  const out = new PassThrough();
  const write = format === 'csv' ? writeCsv : writeXlsx;
  write(out, sheet).catch((error: unknown) => out.destroy(error as Error));
  return out;
}

async function writeCsv(
  out: PassThrough,
  sheet: { header: readonly string[]; rows: AsyncIterable<readonly Cell[]> },
): Promise<void> {
  out.write('\ufeff');
  const csv = stringify({ cast: { boolean: (value) => (value ? 'có' : 'không') } });
  csv.pipe(out);
  const put = async (row: readonly Cell[]) => {
    if (!csv.write(row.map((cell) => cell ?? ''))) await once(csv, 'drain');
  };
  await put(sheet.header);
  for await (const row of sheet.rows) await put(row);
  csv.end();
}

async function writeXlsx(
  out: PassThrough,
  sheet: { name: string; header: readonly string[]; rows: AsyncIterable<readonly Cell[]> },
): Promise<void> {
  // Loaded when a workbook is asked for: exceljs is large.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31));
  const header = worksheet.addRow([...sheet.header]);
  header.font = { bold: true };
  header.commit();
  for await (const row of sheet.rows) {
    worksheet.addRow(row.map((cell) => (typeof cell === 'boolean' ? (cell ? 'có' : 'không') : cell))).commit();
  }
  worksheet.commit();
  await workbook.commit();
}
