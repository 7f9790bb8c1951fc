import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EvidenceController } from '../../src/modules/evidence/evidence.controller.js';
import { makeDialogueSession } from '../factories/dialogue-factories.js';
import { pdfDocument, pngImage, sha256Of } from '../factories/evidence-files.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { makeVisit } from '../factories/visit-factories.js';
import { binary } from '../utils/binary-body.js';
import { createTestApp, type Agent, type TestApp } from '../utils/create-test-app.js';

describe(EvidenceController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** A ward with a household, one of its visits, its officer; and an officer of another ward. */
  async function ward() {
    const unit = await makeUnit(t.dataSource, { name: 'Phường Thụy Khuê' });
    const project = await makeProject(t.dataSource, { unitIds: [unit.id], name: 'Mương thoát nước Thụy Khuê' });
    const household = await makeHousehold(t.dataSource, project.id, { status: 'persuading' });
    const visit = await makeVisit(t.dataSource, household);
    const officer = await t.as('officer', [unit.id], 'Nguyễn Thị Lan');
    const other = await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' });
    const stranger = await t.as('officer', [other.id], 'Lê Văn Khách');
    return { unit, project, household, visit, officer, stranger };
  }

  const upload = (
    as: Agent,
    path: string,
    file: { bytes: Buffer; name: string; type: string } | null,
    fields: Record<string, string> = { kind: 'signed_minutes' },
  ) => {
    let req = as.post(`/api/v1/${path}`);
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    return file ? req.attach('file', file.bytes, { filename: file.name, contentType: file.type }) : req;
  };

  const pdf = (text?: string) => ({
    bytes: pdfDocument(text),
    name: 'Biên bản làm việc hộ ông Nguyễn Văn Bình.pdf',
    type: 'application/pdf',
  });

  async function storedFiles(): Promise<string[]> {
    const storage = t.config.evidence.storage;
    if (storage.kind !== 'local') throw new Error('local storage expected');
    const found: string[] = [];
    const walk = async (dir: string): Promise<void> => {
      for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
        if (entry.isDirectory()) await walk(join(dir, entry.name));
        else found.push(join(dir, entry.name));
      }
    };
    await walk(storage.dir);
    return found;
  }

  const countRows = async (): Promise<number> => {
    const [{ count }] = await t.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM evidence_files`,
    );
    return count;
  };

  it('should keep a visit’s signed minutes with their SHA-256 and stream them back with the right headers', async () => {
    const w = await ward();
    const file = pdf();
    const created = await upload(w.officer.api, `visits/${w.visit.id}/evidence`, file, {
      kind: 'signed_minutes',
      description: 'Biên bản có chữ ký của chủ hộ',
    }).expect(201);
    expect(created.body).toMatchObject({
      projectId: w.project.id,
      householdId: w.household.id,
      subjectType: 'visit',
      subjectId: w.visit.id,
      kind: 'signed_minutes',
      description: 'Biên bản có chữ ký của chủ hộ',
      fileName: 'Biên bản làm việc hộ ông Nguyễn Văn Bình.pdf',
      contentType: 'application/pdf',
      sizeBytes: file.bytes.length,
      sha256: sha256Of(file.bytes),
      supersededById: null,
      uploadedBy: 'Nguyễn Thị Lan',
      uploadedById: w.officer.id,
    });
    expect((await storedFiles()).some((path) => path.endsWith(sha256Of(file.bytes)))).toBe(true);

    const content = await w.officer.api
      .get(`/api/v1/evidence/${created.body.id}/content`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(content.body as Buffer, file.bytes)).toBe(0);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-length']).toBe(String(file.bytes.length));
    expect(content.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('Biên bản làm việc hộ ông Nguyễn Văn Bình.pdf')}`,
    );
    expect(content.headers['content-disposition']).toMatch(/^inline;/);
    expect(content.headers.etag).toBe(`"${sha256Of(file.bytes)}"`);
    expect(content.headers['x-content-type-options']).toBe('nosniff');
    await w.officer.api
      .get(`/api/v1/evidence/${created.body.id}/content`)
      .set('If-None-Match', content.headers.etag)
      .expect(304);

    const listed = await w.officer.api.get(`/api/v1/visits/${w.visit.id}/evidence`).expect(200);
    expect(listed.body.items.map((f: { id: string }) => f.id)).toEqual([created.body.id]);
    const forHousehold = await w.officer.api.get(`/api/v1/households/${w.household.id}/evidence`).expect(200);
    expect(forHousehold.body.items.map((f: { id: string }) => f.id)).toEqual([created.body.id]);
  });

  it('should refuse a file over the limit, of a forbidden type, or empty, with a 4xx and nothing stored', async () => {
    const w = await ward();
    const rowsBefore = await countRows();
    const filesBefore = await storedFiles();
    const path = `visits/${w.visit.id}/evidence`;

    // 10 MB and one byte of a real PNG's start and padding.
    const tooLarge = Buffer.concat([pngImage(), Buffer.alloc(t.config.evidence.maxBytes + 1 - pngImage().length)]);
    const overLimit = await upload(w.officer.api, path, { bytes: tooLarge, name: 'anh.png', type: 'image/png' }).expect(
      413,
    );
    expect(overLimit.body).toMatchObject({ code: 'EVIDENCE_TOO_LARGE', details: { maxBytes: 10 * 1024 * 1024 } });
    expect(overLimit.body.details.fields.file[0]).toContain('10 MB');

    const script = Buffer.from('#!/bin/sh\nrm -rf /\n');
    const disguised = await upload(w.officer.api, path, { bytes: script, name: 'anh.jpg', type: 'image/jpeg' }).expect(
      415,
    );
    expect(disguised.body).toMatchObject({ code: 'EVIDENCE_TYPE_REFUSED' });
    expect(disguised.body.details.fields.file).toHaveLength(1);
    const page = Buffer.from('<html><script>alert(1)</script></html>');
    await upload(w.officer.api, path, { bytes: page, name: 'x.html', type: 'text/html' }).expect(415);
    // A real PNG sent as a PDF: the declared type must be what the bytes are.
    const mislabelled = await upload(w.officer.api, path, {
      bytes: pngImage(),
      name: 'bien-ban.pdf',
      type: 'application/pdf',
    }).expect(415);
    expect(mislabelled.body.message).toContain('image/png');
    const empty = await upload(w.officer.api, path, {
      bytes: Buffer.alloc(0),
      name: 'x.png',
      type: 'image/png',
    }).expect(400);
    expect(empty.body.code).toBe('EVIDENCE_EMPTY');
    const noFile = await upload(w.officer.api, path, null).expect(400);
    expect(noFile.body.details.fields.file).toHaveLength(1);
    const noKind = await upload(w.officer.api, path, pdf(), {}).expect(400);
    expect(Object.keys(noKind.body.details.fields)).toEqual(['kind']);
    const badKind = await upload(w.officer.api, path, pdf(), { kind: 'selfie' }).expect(400);
    expect(badKind.body.details.fields.kind).toHaveLength(1);

    expect(await countRows()).toBe(rowsBefore);
    expect(await storedFiles()).toEqual(filesBefore);
  });

  it('should answer 404 for another ward’s file, its content, its lists and its records, and 403 to a supervisor writing', async () => {
    const w = await ward();
    const created = await upload(w.officer.api, `visits/${w.visit.id}/evidence`, pdf('khac phuong')).expect(201);
    const rowsBefore = await countRows();

    const file = await w.stranger.api.get(`/api/v1/evidence/${created.body.id}`).expect(404);
    expect(file.body.code).toBe('EVIDENCE_NOT_FOUND');
    await w.stranger.api.get(`/api/v1/evidence/${created.body.id}/content`).expect(404);
    await w.stranger.api.get(`/api/v1/visits/${w.visit.id}/evidence`).expect(404);
    await w.stranger.api.get(`/api/v1/households/${w.household.id}/evidence`).expect(404);
    await upload(w.stranger.api, `visits/${w.visit.id}/evidence`, pdf('xam nhap')).expect(404);
    await upload(w.stranger.api, `evidence/${created.body.id}/supersede`, pdf('xam nhap'), { reason: 'x' }).expect(404);

    const supervisor = await t.as('supervisor', [w.unit.id], 'Ủy ban MTTQ phường');
    await supervisor.api.get(`/api/v1/evidence/${created.body.id}`).expect(200);
    await upload(supervisor.api, `visits/${w.visit.id}/evidence`, pdf('giam sat')).expect(403);
    expect(await countRows()).toBe(rowsBefore);
  });

  it('should supersede a file with a better copy, keep the old one readable, and never delete or change a row', async () => {
    const w = await ward();
    const blurred = { bytes: pngImage(2, 2, [90, 90, 90]), name: 'bien-ban-mo.png', type: 'image/png' };
    const first = await upload(w.officer.api, `visits/${w.visit.id}/evidence`, blurred, { kind: 'photo' }).expect(201);
    const sharp = { bytes: pngImage(4, 4, [250, 250, 250]), name: 'bien-ban-ro.png', type: 'image/png' };
    const second = await upload(w.officer.api, `evidence/${first.body.id}/supersede`, sharp, {
      reason: 'Ảnh trước bị mờ, chụp lại biên bản',
    }).expect(201);
    expect(second.body).toMatchObject({
      subjectType: 'visit',
      subjectId: w.visit.id,
      kind: 'photo',
      supersedesId: first.body.id,
      supersedeReason: 'Ảnh trước bị mờ, chụp lại biên bản',
      sha256: sha256Of(sharp.bytes),
    });

    const current = await w.officer.api.get(`/api/v1/visits/${w.visit.id}/evidence`).expect(200);
    expect(current.body.items.map((f: { id: string }) => f.id)).toEqual([second.body.id]);
    const all = await w.officer.api.get(`/api/v1/visits/${w.visit.id}/evidence?includeSuperseded=true`).expect(200);
    expect(all.body.items.map((f: { id: string; supersededById: string | null }) => [f.id, f.supersededById])).toEqual([
      [first.body.id, second.body.id],
      [second.body.id, null],
    ]);
    const old = await w.officer.api
      .get(`/api/v1/evidence/${first.body.id}/content`)
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(Buffer.compare(old.body as Buffer, blurred.bytes)).toBe(0);

    const again = await upload(w.officer.api, `evidence/${first.body.id}/supersede`, pdf(), {
      reason: 'Lần nữa',
    }).expect(409);
    expect(again.body).toMatchObject({
      code: 'EVIDENCE_ALREADY_SUPERSEDED',
      details: { supersededById: second.body.id },
    });

    await expect(t.dataSource.query(`DELETE FROM evidence_files WHERE id = $1`, [first.body.id])).rejects.toThrow(
      /never changed or deleted/,
    );
    await expect(
      t.dataSource.query(`UPDATE evidence_files SET sha256 = $2 WHERE id = $1`, [first.body.id, '0'.repeat(64)]),
    ).rejects.toThrow(/never changed or deleted/);
  });

  it('should store a retried upload once: the same bytes, or the same Idempotency-Key', async () => {
    const w = await ward();
    const file = pdf('mot lan');
    const path = `visits/${w.visit.id}/evidence`;
    const first = await upload(w.officer.api, path, file).expect(201);
    const sameBytes = await upload(w.officer.api, path, file).expect(201);
    expect(sameBytes.body.id).toBe(first.body.id);
    expect(sameBytes.headers['idempotent-replayed']).toBe('true');

    const key = 'c0a8f3d2-7f43-4d55-9d6e-6f1d2c3b4a59';
    const other = pdf('hai lan');
    const keyed = await upload(w.officer.api.set('Idempotency-Key', key), path, other).expect(201);
    const retried = await upload(w.officer.api.set('Idempotency-Key', key), path, other).expect(201);
    expect(retried.body.id).toBe(keyed.body.id);
    const listed = await w.officer.api.get(`/api/v1/visits/${w.visit.id}/evidence`).expect(200);
    expect(listed.body.items).toHaveLength(2);
  });

  it('should attach files to a dialogue session, a consent move, a complaint and an enforcement record', async () => {
    const w = await ward();
    const chair = await t.as('chair', [w.unit.id], 'Chủ tịch UBND phường Thụy Khuê');
    const session = await makeDialogueSession(t.dataSource, w.project.id);
    const minutes = await upload(chair.api, `dialogue-sessions/${session.id}/evidence`, pdf('doi thoai')).expect(201);
    expect(minutes.body).toMatchObject({ subjectType: 'dialogueSession', householdId: null });

    await chair.api
      .post(`/api/v1/households/${w.household.id}/consent`)
      .send({ status: 'agreed', reason: 'Hộ ký biên bản đồng ý bàn giao' })
      .expect(200);
    const history = await chair.api.get(`/api/v1/households/${w.household.id}/consent-history`).expect(200);
    const moveId = history.body.items.at(-1).id as string;
    const commitment = await upload(chair.api, `consent-moves/${moveId}/evidence`, pdf('cam ket'), {
      kind: 'written_commitment',
    }).expect(201);
    expect(commitment.body).toMatchObject({ subjectType: 'consentMove', subjectId: moveId });
    await upload(chair.api, `consent-moves/not-a-number/evidence`, pdf('x')).expect(400);
    await upload(w.stranger.api, `consent-moves/${moveId}/evidence`, pdf('x')).expect(404);

    const complaint = await chair.api
      .post(`/api/v1/households/${w.household.id}/complaints`)
      .send({ receivedOn: '2026-03-02', summary: 'Khiếu nại đơn giá bồi thường', complainant: 'Trần Thị Bình' })
      .expect(201);
    await upload(chair.api, `complaints/${complaint.body.id}/evidence`, pdf('don khieu nai'), {
      kind: 'correspondence',
    }).expect(201);

    // Enforcement is prepared against a household that objects.
    const holdout = await makeHousehold(t.dataSource, w.project.id, { status: 'objecting' });
    const record = await chair.api
      .post(`/api/v1/households/${holdout.id}/enforcement`)
      .send({ decisionNo: '125/QĐ-UBND', decisionIssuedOn: '2026-03-02' })
      .expect(201);
    const notice = await upload(chair.api, `enforcement/${record.body.id}/evidence`, pdf('quyet dinh'), {
      kind: 'delivered_notice',
    }).expect(201);
    const listed = await chair.api.get(`/api/v1/enforcement/${record.body.id}/evidence`).expect(200);
    expect(listed.body.items.map((f: { id: string }) => f.id)).toEqual([notice.body.id]);

    // The record's preconditions point at the files that prove them; never at another household's.
    const pointed = await chair.api
      .patch(`/api/v1/enforcement/${record.body.id}`)
      .send({
        decisionPostedOn: '2026-03-03',
        evidence: [
          { precondition: 'decision_posted', evidenceId: notice.body.id },
          { precondition: 'dialogue_session_held', evidenceId: minutes.body.id },
        ],
      })
      .expect(400);
    // The session's minutes prove the dialogue only once the record names that session.
    expect(pointed.body.details.fields).toEqual({ 'evidence.1.evidenceId': [expect.stringContaining('neither')] });
    const posted = await chair.api
      .patch(`/api/v1/enforcement/${record.body.id}`)
      .send({
        decisionPostedOn: '2026-03-03',
        evidence: [{ precondition: 'decision_posted', evidenceId: notice.body.id }],
      })
      .expect(200);
    expect(posted.body.evidence).toEqual([
      {
        precondition: 'decision_posted',
        evidenceId: notice.body.id,
        fileName: notice.body.fileName,
        sha256: notice.body.sha256,
        supersededById: null,
      },
    ]);
    const foreign = await chair.api
      .patch(`/api/v1/enforcement/${record.body.id}`)
      .send({ evidence: [{ precondition: 'ward_persuasion', evidenceId: commitment.body.id }] })
      .expect(400);
    expect(foreign.body.details.fields['evidence.0.evidenceId'][0]).toContain('not about this household');
    const retaken = await upload(chair.api, `evidence/${notice.body.id}/supersede`, pdf('quyet dinh ro'), {
      reason: 'Bản chụp rõ hơn',
    }).expect(201);
    const reread = await chair.api.get(`/api/v1/enforcement/${record.body.id}`).expect(200);
    expect(reread.body.evidence[0]).toMatchObject({ evidenceId: notice.body.id, supersededById: retaken.body.id });

    const all = await chair.api.get(`/api/v1/households/${w.household.id}/evidence`).expect(200);
    expect(all.body.items.map((f: { subjectType: string }) => f.subjectType).sort()).toEqual([
      'complaint',
      'consentMove',
    ]);
    const ofHoldout = await chair.api.get(`/api/v1/households/${holdout.id}/evidence`).expect(200);
    expect(ofHoldout.body.items.map((f: { id: string }) => f.id)).toEqual([retaken.body.id]);
  });
});
