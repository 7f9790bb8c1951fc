import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DemoSeeder } from '../../src/demo/demo-seed.js';
import { THUY_KHUE } from '../../src/demo/projects/thuy-khue.js';
import { ReportsController } from '../../src/modules/reports/reports.controller.js';
import { makeUnit } from '../factories/factories.js';
import { binary } from '../utils/binary-body.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

/** The text of a PDF as poppler's pdftotext reads it (installed by .ci/run). */
function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'gpmb-report-'));
  try {
    const file = join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe(ReportsController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoSeeder).seedIfEmpty();
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  const idOf = async (table: 'projects' | 'administrative_units', code: string): Promise<string> =>
    (await t.dataSource.query<Array<{ id: string }>>(`SELECT id FROM ${table} WHERE code = $1`, [code]))[0].id;

  it('should render the Thụy Khuê meeting report as a PDF whose text keeps its diacritics', async () => {
    const id = await idOf('projects', THUY_KHUE.code);
    const response = await t.admin
      .get(`/api/v1/projects/${id}/report?format=pdf&since=2026-02-01`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('bao-cao-TK-MUONG-2012');
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(pdf);
    expect(text).toContain('Thụy Khuê');
    expect(text).toContain('Báo cáo tiến độ GPMB');
    expect(text).toContain('Hộ chưa đồng thuận, theo lý do');
    expect(text).toContain('Đồng ý có điều kiện — Chờ nhà tái định cư');
    expect(text).toContain('Tỷ lệ đồng thuận 12 tháng gần nhất');
    expect(text).toContain('so sánh với ngày 01/02/2026');
  });

  it('should give the same report as a workbook, and a ward’s over its projects', async () => {
    const id = await idOf('projects', THUY_KHUE.code);
    const xlsx = await t.admin.get(`/api/v1/projects/${id}/report?format=xlsx`).buffer(true).parse(binary).expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.body);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Tổng hợp',
      'Theo trạng thái',
      'Hộ chưa đồng thuận',
      'Quá hẹn thăm lại',
      'Khiếu nại',
      'Đối thoại',
      'Theo tháng',
    ]);
    const summary = workbook.getWorksheet('Tổng hợp');
    expect(summary?.getRow(5).getCell(1).value).toBe('Cải tạo vệ sinh môi trường mương thoát nước Thụy Khuê');
    const [{ total, consented }] = await t.dataSource.query<[{ total: number; consented: number }]>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE status IN ('agreed', 'handed_over'))::int AS consented
         FROM households WHERE project_id = $1 AND archived_at IS NULL`,
      [id],
    );
    expect(summary?.getRow(5).getCell(3).value).toBe(consented);
    expect(summary?.getRow(5).getCell(4).value).toBe(total);
    const months = workbook.getWorksheet('Theo tháng');
    expect(months?.rowCount).toBe(4 + 12);

    const ward = await idOf('administrative_units', 'HN-P-PHUTHUONG');
    const wardPdf = await t.admin
      .get(`/api/v1/administrative-units/${ward}/report`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = pdfText(wardPdf.body as Buffer);
    expect(text).toContain('Phường Phú Thượng');
    expect(text).toContain('Nam Thăng Long');
  });

  it('should refuse a date after today, and another ward’s project or ward', async () => {
    const id = await idOf('projects', THUY_KHUE.code);
    const late = await t.admin.get(`/api/v1/projects/${id}/report?since=2099-01-01`).expect(400);
    expect(late.body.details.fields.since).toHaveLength(1);
    await t.admin.get(`/api/v1/projects/${id}/report?format=docx`).expect(400);
    const stranger = await t.as('chair', [(await makeUnit(t.dataSource)).id]);
    await stranger.api.get(`/api/v1/projects/${id}/report`).expect(404);
    const ward = await idOf('administrative_units', 'HN-P-PHUTHUONG');
    await stranger.api.get(`/api/v1/administrative-units/${ward}/report`).expect(404);
  });
});
