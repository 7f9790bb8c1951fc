import ExcelJS from 'exceljs';
import { ImportsController } from '../../src/modules/imports/imports.controller.js';
import { makeProject, makeUnit } from '../factories/factories.js';
import { binary } from '../utils/binary-body.js';
import { createTestApp, type TestApp, type TestUser } from '../utils/create-test-app.js';

const HEADER =
  'Mã hộ,Chủ hộ,Địa chỉ,Điện thoại,Số nhân khẩu,Cần tái định cư,Tờ bản đồ,Số thửa,Diện tích thửa (m²),Mục đích sử dụng';

/** A district's list: three households, one with two parcels. */
const GOOD = [
  HEADER,
  'TK-101,Nguyễn Văn Hùng,"Số 12, ngõ 2 Thụy Khuê",0912 345 678,5,có,12,245,"86,5",ODT',
  'TK-101,Nguyễn Văn Hùng,"Số 12, ngõ 2 Thụy Khuê",0912 345 678,5,có,12,246,40,CLN',
  'TK-102,Trần Thị Bình,Số 3 ngõ 52 Thụy Khuê,,3,không,12,250,120,ODT',
  'TK-103,Lê Văn Dũng,Số 7 ngõ 67 Thụy Khuê,,,,13,11,"1.234,5",ODT',
].join('\r\n');

/** The same list with mistakes a ward office makes. */
const WITH_ERRORS = [
  HEADER,
  'TK-101,Nguyễn Văn Hùng,"Số 12, ngõ 2 Thụy Khuê",0912 345 678,5,có,12,245,"86,5",ODT',
  'TK-101,Nguyễn Văn Hùng,"Số 12, ngõ 2 Thụy Khuê",0912 345 678,5,có,12,246,không rõ,CLN',
  'TK-102,,Số 3 ngõ 52 Thụy Khuê,,ba,không,12,250,120,ODT',
  'TK-103,Lê Văn Dũng,Số 7 ngõ 67 Thụy Khuê,,,hình như,13,11,"1.234,5",ODT',
].join('\r\n');

/**
 * Encodes text as Windows-1258 writes Vietnamese: letters with a circumflex, breve or horn are single
 * bytes, tone marks are combining bytes after them.
 */
function windows1258(text: string): Buffer {
  const decoder = new TextDecoder('windows-1258');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  const letterMarks = new Set(['\u0302', '\u0306', '\u031b']);
  const bytes: number[] = [];
  const chars = [...text.normalize('NFD')];
  for (let i = 0; i < chars.length;) {
    let base = chars[i];
    const tones: string[] = [];
    for (i += 1; i < chars.length && /\p{M}/u.test(chars[i]); i += 1) {
      if (letterMarks.has(chars[i])) base += chars[i];
      else tones.push(chars[i]);
    }
    for (const char of [base.normalize('NFC'), ...tones]) {
      const byte = table.get(char);
      if (byte === undefined) throw new Error(`not in Windows-1258: ${char}`);
      bytes.push(byte);
    }
  }
  return Buffer.from(bytes);
}

describe(ImportsController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  });

  afterAll(async () => {
    await t.close();
  });

  async function ward() {
    const unit = await makeUnit(t.dataSource, { name: 'Phường Tây Hồ' });
    const project = await makeProject(t.dataSource, { unitIds: [unit.id], name: 'Mương thoát nước Thụy Khuê' });
    const chair = await t.as('chair', [unit.id], 'Nguyễn Văn Thành');
    return { unit, project, chair };
  }

  const upload = (as: TestUser, projectId: string, mode: string, bytes: Buffer, name = 'danh-sach.csv') =>
    as.api
      .post(`/api/v1/projects/${projectId}/imports`)
      .field('mode', mode)
      .attach('file', bytes, { filename: name, contentType: 'text/csv' });

  const householdsOf = (projectId: string) =>
    t.dataSource.query<
      Array<{ code: string; head_name: string; land_area_m2: string; version: number; parcels: number }>
    >(
      `SELECT h.code, h.head_name, h.land_area_m2::text AS land_area_m2, h.version,
              (SELECT count(*)::int FROM land_parcels p WHERE p.household_id = h.id) AS parcels
         FROM households h WHERE h.project_id = $1 ORDER BY h.code`,
      [projectId],
    );

  it('should list every error by row and column in a dry run, write nothing, then import the fixed file once', async () => {
    const w = await ward();
    const dry = await upload(w.chair, w.project.id, 'dry_run', Buffer.from(WITH_ERRORS, 'utf8')).expect(201);
    expect(dry.body).toMatchObject({ status: 'checked', mode: 'dry_run', encoding: 'utf-8', rowsTotal: 4 });
    expect(dry.body.errors).toEqual([
      { row: 3, column: 'Diện tích thửa (m²)', message: 'phải là số, tối đa 2 chữ số thập phân' },
      { row: 4, column: 'Chủ hộ', message: 'không được để trống' },
      { row: 4, column: 'Số nhân khẩu', message: 'phải là số nguyên' },
      { row: 5, column: 'Cần tái định cư', message: '"hình như" không phải "có" hoặc "không"' },
    ]);
    const committedWithErrors = await upload(w.chair, w.project.id, 'commit', Buffer.from(WITH_ERRORS, 'utf8')).expect(
      201,
    );
    expect(committedWithErrors.body).toMatchObject({ status: 'rejected', errorCount: 4, householdsDone: 0 });
    expect(await householdsOf(w.project.id)).toEqual([]);

    const dryGood = await upload(w.chair, w.project.id, 'dry_run', Buffer.from(GOOD, 'utf8')).expect(201);
    expect(dryGood.body).toMatchObject({ status: 'checked', errorCount: 0, created: 3, updated: 0, unchanged: 0 });
    expect(await householdsOf(w.project.id)).toEqual([]);

    const committed = await upload(w.chair, w.project.id, 'commit', Buffer.from(GOOD, 'utf8')).expect(201);
    expect(committed.body).toMatchObject({
      status: 'committed',
      householdsTotal: 3,
      householdsDone: 3,
      created: 3,
      updated: 0,
      errorCount: 0,
    });
    expect(await householdsOf(w.project.id)).toEqual([
      { code: 'TK-101', head_name: 'Nguyễn Văn Hùng', land_area_m2: '126.50', version: 1, parcels: 2 },
      { code: 'TK-102', head_name: 'Trần Thị Bình', land_area_m2: '120.00', version: 1, parcels: 1 },
      { code: 'TK-103', head_name: 'Lê Văn Dũng', land_area_m2: '1234.50', version: 1, parcels: 1 },
    ]);
    const listed = await w.chair.api.get(`/api/v1/projects/${w.project.id}/households?q=nguyen`).expect(200);
    expect(listed.body.items.map((h: { code: string }) => h.code)).toEqual(['TK-101']);

    const again = await upload(w.chair, w.project.id, 'commit', Buffer.from(GOOD, 'utf8')).expect(201);
    expect(again.body).toMatchObject({ status: 'committed', created: 0, updated: 0, unchanged: 3 });
    expect((await householdsOf(w.project.id)).map((h) => h.version)).toEqual([1, 1, 1]);

    // A corrected name and a parcel less: updated, versioned and audited, never duplicated.
    const corrected = GOOD.replace('Trần Thị Bình', 'Trần Thị Bình An')
      .split('\r\n')
      .filter((line) => !line.includes(',246,'));
    const update = await upload(w.chair, w.project.id, 'commit', Buffer.from(corrected.join('\r\n'), 'utf8')).expect(
      201,
    );
    expect(update.body).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    expect(await householdsOf(w.project.id)).toEqual([
      { code: 'TK-101', head_name: 'Nguyễn Văn Hùng', land_area_m2: '86.50', version: 2, parcels: 1 },
      { code: 'TK-102', head_name: 'Trần Thị Bình An', land_area_m2: '120.00', version: 2, parcels: 1 },
      { code: 'TK-103', head_name: 'Lê Văn Dũng', land_area_m2: '1234.50', version: 1, parcels: 1 },
    ]);
    const audit = await t.dataSource.query<Array<{ action: string; changes: Record<string, unknown> }>>(
      `SELECT action, changes FROM audit_log WHERE project_id = $1 AND entity = 'Household' AND action = 'import_update'`,
      [w.project.id],
    );
    expect(audit).toHaveLength(2);
    expect(audit.find((a) => 'headName' in a.changes)?.changes.headName).toEqual({
      before: 'Trần Thị Bình',
      after: 'Trần Thị Bình An',
    });
  });

  it('should read CSV in UTF-8, Excel’s UTF-8 with BOM and Windows-1258 alike, and XLSX', async () => {
    const encodings: Array<[string, Buffer]> = [
      ['utf-8', Buffer.from(GOOD, 'utf8')],
      ['utf-8-bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOD, 'utf8')])],
      ['windows-1258', windows1258(GOOD)],
    ];
    for (const [encoding, bytes] of encodings) {
      const w = await ward();
      const result = await upload(w.chair, w.project.id, 'commit', bytes).expect(201);
      expect(result.body).toMatchObject({ encoding, status: 'committed', created: 3 });
      expect((await householdsOf(w.project.id)).map((h) => h.head_name)).toEqual([
        'Nguyễn Văn Hùng',
        'Trần Thị Bình',
        'Lê Văn Dũng',
      ]);
    }
    const w = await ward();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Hộ dân');
    for (const line of GOOD.split('\r\n'))
      sheet.addRow(line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/).map((c) => c.replace(/"/g, '')));
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await upload(w.chair, w.project.id, 'commit', xlsx, 'danh-sach.xlsx').expect(201);
    expect(result.body).toMatchObject({ fileFormat: 'xlsx', status: 'committed', created: 3 });
  });

  it('should export households as CSV and XLSX that import back unchanged, and the visit log', async () => {
    const w = await ward();
    await upload(w.chair, w.project.id, 'commit', Buffer.from(GOOD, 'utf8')).expect(201);
    for (const format of ['csv', 'xlsx']) {
      const exported = await w.chair.api
        .get(`/api/v1/projects/${w.project.id}/households/export?format=${format}`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(exported.headers['content-disposition']).toContain(`.${format}`);
      const bytes = exported.body as Buffer;
      if (format === 'csv') {
        expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
        const text = bytes.toString('utf8');
        expect(text).toContain('Trạng thái');
        expect(text).toContain('Nguyễn Văn Hùng');
        expect(text.trim().split('\n')).toHaveLength(5);
      }
      const back = await upload(w.chair, w.project.id, 'commit', bytes, `ho-dan.${format}`).expect(201);
      expect(back.body).toMatchObject({ status: 'committed', created: 0, updated: 0, unchanged: 3, errorCount: 0 });
      expect(back.body.warnings).toEqual([]);
    }
    const filtered = await w.chair.api
      .get(`/api/v1/projects/${w.project.id}/households/export?format=csv&q=binh`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((filtered.body as Buffer).toString('utf8').trim().split('\n')).toHaveLength(2);

    const [household] = await t.dataSource.query<Array<{ id: string }>>(
      `SELECT id FROM households WHERE project_id = $1 AND code = 'TK-102'`,
      [w.project.id],
    );
    await w.chair.api
      .post(`/api/v1/households/${household.id}/visits`)
      .send({
        visitedAt: '2026-03-09T02:00:00Z',
        officers: ['Trần Thị Mai'],
        outcome: 'listened',
        notes: 'Hộ nghe phổ biến',
      })
      .expect(201);
    const visits = await w.chair.api
      .get(`/api/v1/projects/${w.project.id}/visits/export?format=csv`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const log = (visits.body as Buffer).toString('utf8');
    expect(log).toContain('2026-03-09 09:00,TK-102,Trần Thị Bình,Trần Thị Mai,Lắng nghe,Hộ nghe phổ biến');
  });

  it('should run a large file as a job with progress, and refuse another ward’s project', async () => {
    const w = await ward();
    const lines = [HEADER];
    for (let i = 1; i <= 6000; i += 1)
      lines.push(`NTL-${i},Nguyễn Văn ${i},Xóm ${i % 12} Phú Thượng,,4,không,${i % 40},${i},100,ODT`);
    const queued = await upload(w.chair, w.project.id, 'commit', Buffer.from(lines.join('\n'), 'utf8')).expect(202);
    expect(queued.body).toMatchObject({ status: 'queued', rowsTotal: 6000 });
    let record = queued.body as { status: string; householdsDone: number; created: number };
    for (let i = 0; i < 200 && (record.status === 'queued' || record.status === 'running'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      record = (await w.chair.api.get(`/api/v1/imports/${queued.body.id}`).expect(200)).body;
    }
    expect(record).toMatchObject({ status: 'committed', householdsDone: 6000, created: 6000 });
    const [{ count }] = await t.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM households WHERE project_id = $1`,
      [w.project.id],
    );
    expect(count).toBe(6000);

    const stranger = await t.as('chair', [(await makeUnit(t.dataSource)).id]);
    await upload(stranger, w.project.id, 'commit', Buffer.from(GOOD, 'utf8')).expect(404);
    await stranger.api.get(`/api/v1/imports/${queued.body.id}`).expect(404);
    const template = await w.chair.api
      .get(`/api/v1/projects/${w.project.id}/imports/template?format=csv`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect((template.body as Buffer).toString('utf8')).toContain('Mã hộ,Chủ hộ,Địa chỉ');
  }, 60_000);
});
