import { DemoSeeder } from '../../src/demo/demo-seed.js';
import { CommitmentsController } from '../../src/modules/commitments/commitments.controller.js';
import { pdfDocument } from '../factories/evidence-files.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, type TestApp, type TestUser } from '../utils/create-test-app.js';

interface CommitmentBody {
  id: string;
  version: number;
  status: string;
  outcome: string;
  progressPercent: number | null;
  review: { rating: string; ratingLabel: string; comments: string; reviewedBy: string } | null;
  updates: Array<{ note: string; progressPercent: number | null; evidenceIds: string[] }>;
}

describe(CommitmentsController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  async function ward() {
    const unit = await makeUnit(t.dataSource, { name: 'Phường Tây Hồ' });
    const project = await makeProject(t.dataSource, { unitIds: [unit.id], name: 'Mương thoát nước Thụy Khuê' });
    const households = [await makeHousehold(t.dataSource, project.id), await makeHousehold(t.dataSource, project.id)];
    const chair = await t.as('chair', [unit.id], 'Nguyễn Văn Thành');
    const officer = await t.as('officer', [unit.id], 'Trần Thị Mai');
    const colleague = await t.as('officer', [unit.id], 'Đỗ Văn Lực');
    const front = await t.as('supervisor', [unit.id], 'Phạm Thị Hạnh');
    const other = await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' });
    const otherProject = await makeProject(t.dataSource, { unitIds: [other.id] });
    const stranger = await t.as('chair', [other.id], 'Chủ tịch phường khác');
    return { unit, project, households, chair, officer, colleague, front, other, otherProject, stranger };
  }

  const register = (as: TestUser, body: Record<string, unknown>) => as.api.post('/api/v1/commitments').send(body);

  it('should follow a commitment from registration through progress with evidence to its year-end review', async () => {
    const w = await ward();
    const created = await register(w.officer, {
      title: 'Vận động 2 hộ còn lại của dự án mương Thụy Khuê',
      administrativeUnitId: w.unit.id,
      year: 2026,
      ownerTitle: 'Cán bộ tổ công tác',
      scopeKind: 'households',
      projectId: w.project.id,
      householdIds: w.households.map((h) => h.id),
      target: 'Cả 2 hộ ký biên bản đồng ý trước 30/06/2026',
      deadline: '2026-06-30',
    }).expect(201);
    const commitment = created.body as CommitmentBody & { ownerName: string; householdIds: string[] };
    expect(commitment).toMatchObject({
      ownerName: 'Trần Thị Mai',
      status: 'open',
      outcome: 'in_progress',
      householdIds: w.households.map((h) => h.id),
      review: null,
      version: 1,
    });

    // A report rests on the commitment's own evidence files, not on others.
    const file = await w.officer.api
      .post(`/api/v1/commitments/${commitment.id}/evidence`)
      .field('kind', 'progress_report')
      .attach('file', pdfDocument('Bao cao tien do'), { filename: 'báo cáo.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(file.body).toMatchObject({ subjectType: 'commitment', projectId: w.project.id });
    const visitFile = await t.dataSource.query<Array<{ id: string }>>(`SELECT gen_random_uuid() AS id`);
    const foreign = await w.officer.api
      .post(`/api/v1/commitments/${commitment.id}/progress`)
      .send({ note: 'Báo cáo', evidenceIds: [visitFile[0].id] })
      .expect(400);
    expect(foreign.body.details.fields.evidenceIds).toHaveLength(1);
    const reported = await w.officer.api
      .post(`/api/v1/commitments/${commitment.id}/progress`)
      .set('If-Match', created.headers.etag)
      .send({ note: 'Một hộ đã ký biên bản đồng ý', progressPercent: 50, evidenceIds: [file.body.id] })
      .expect(200);
    expect(reported.body).toMatchObject({ version: 2, progressPercent: 50 });
    expect(reported.body.updates).toEqual([
      expect.objectContaining({
        note: 'Một hộ đã ký biên bản đồng ý',
        progressPercent: 50,
        evidenceIds: [file.body.id],
      }),
    ]);
    // A stale version is refused: two people reporting at once never overwrite each other.
    await w.officer.api
      .post(`/api/v1/commitments/${commitment.id}/progress`)
      .set('If-Match', created.headers.etag)
      .send({ note: 'Báo cáo cũ' })
      .expect(412);

    // Only the cadre (or a chair) reports; the supervisor waits for the deadline or the closing.
    const notYours = await w.colleague.api
      .post(`/api/v1/commitments/${commitment.id}/progress`)
      .send({ note: 'Báo cáo hộ' })
      .expect(422);
    expect(notYours.body.code).toBe('COMMITMENT_NOT_YOURS');
    const early = await w.front.api
      .post(`/api/v1/commitments/${commitment.id}/review`)
      .send({ rating: 'good', comments: 'Sớm quá' })
      .expect(422);
    expect(early.body.code).toBe('COMMITMENT_NOT_DUE_FOR_REVIEW');

    await w.officer.api
      .post(`/api/v1/commitments/${commitment.id}/close`)
      .send({ outcome: 'done', note: 'Cả 2 hộ đã ký biên bản đồng ý' })
      .expect(200);
    const afterClose = await w.officer.api
      .post(`/api/v1/commitments/${commitment.id}/progress`)
      .send({ note: 'Thêm' })
      .expect(422);
    expect(afterClose.body.code).toBe('COMMITMENT_CLOSED');
    await w.officer.api
      .post(`/api/v1/commitments/${commitment.id}/review`)
      .send({ rating: 'excellent', comments: 'Tự đánh giá' })
      .expect(403);

    const reviewed = await w.front.api
      .post(`/api/v1/commitments/${commitment.id}/review`)
      .send({ rating: 'good', comments: 'Kiên trì vận động từng hộ' })
      .expect(200);
    expect(reviewed.body).toMatchObject({
      status: 'done',
      outcome: 'good',
      review: {
        rating: 'good',
        ratingLabel: 'Hoàn thành tốt',
        comments: 'Kiên trì vận động từng hộ',
        reviewedBy: 'Phạm Thị Hạnh',
      },
    });
    const again = await w.front.api
      .post(`/api/v1/commitments/${commitment.id}/review`)
      .send({ rating: 'excellent', comments: 'Đổi ý' })
      .expect(422);
    expect(again.body.code).toBe('COMMITMENT_ALREADY_REVIEWED');

    const listed = await w.chair.api.get(`/api/v1/commitments?administrativeUnitId=${w.unit.id}&year=2026`).expect(200);
    expect(listed.body.items.map((c: CommitmentBody) => [c.id, c.outcome])).toEqual([[commitment.id, 'good']]);
    const hidden = await w.stranger.api.get(`/api/v1/commitments?year=2026`).expect(200);
    expect(hidden.body.items.map((c: CommitmentBody) => c.id)).not.toContain(commitment.id);
    await w.stranger.api.get(`/api/v1/commitments/${commitment.id}`).expect(404);
  });

  it('should refuse a scope outside the caller’s wards, households of another project, or a missing free text', async () => {
    const w = await ward();
    const base = { title: 'Việc khó', year: 2026, target: 'Mục tiêu', deadline: '2026-12-31' };
    const outside = await register(w.chair, {
      ...base,
      administrativeUnitId: w.other.id,
      scopeKind: 'project',
      projectId: w.otherProject.id,
    }).expect(400);
    expect(Object.keys(outside.body.details.fields).sort()).toEqual(['administrativeUnitId', 'projectId']);
    const strangers = await makeHousehold(t.dataSource, w.otherProject.id);
    const mixed = await register(w.chair, {
      ...base,
      administrativeUnitId: w.unit.id,
      scopeKind: 'households',
      projectId: w.project.id,
      householdIds: [w.households[0].id, strangers.id],
    }).expect(400);
    expect(mixed.body.details.fields.householdIds).toHaveLength(1);
    const noText = await register(w.chair, { ...base, administrativeUnitId: w.unit.id, scopeKind: 'free_text' }).expect(
      400,
    );
    expect(noText.body.details.fields.scopeText).toBeDefined();
    const [{ count }] = await t.dataSource.query<[{ count: number }]>(
      `SELECT count(*)::int AS count FROM commitments WHERE administrative_unit_id = ANY($1)`,
      [[w.unit.id, w.other.id]],
    );
    expect(count).toBe(0);

    // A free-text task of the ward (the boats at Đầm Bảy) lies in the ward, and so does its evidence.
    const boats = await register(w.chair, {
      ...base,
      administrativeUnitId: w.unit.id,
      scopeKind: 'free_text',
      scopeText: 'Các thuyền neo đậu tại Đầm Bảy',
    }).expect(201);
    const photo = await w.chair.api
      .post(`/api/v1/commitments/${boats.body.id}/evidence`)
      .field('kind', 'photo')
      .attach('file', pdfDocument('Dam Bay'), { filename: 'dam-bay.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(photo.body).toMatchObject({ projectId: null, administrativeUnitId: w.unit.id });
    await w.officer.api.get(`/api/v1/evidence/${photo.body.id}`).expect(200);
    await w.stranger.api.get(`/api/v1/evidence/${photo.body.id}`).expect(404);
  });

  it('should load the Tây Hồ commitments of 2022–2023 with their reviews in the demo', async () => {
    const demo = await createTestApp();
    try {
      await demo.app.get(DemoSeeder).seedIfEmpty();
      const of2023 = await demo.admin.get('/api/v1/commitments?year=2023').expect(200);
      const titles = of2023.body.items.map((c: { title: string; outcome: string }) => [c.title, c.outcome]);
      expect(titles).toEqual(
        expect.arrayContaining([
          ['Giải quyết dứt điểm các hộ chưa đồng thuận của dự án mương thoát nước Thụy Khuê', 'good'],
          ['Thu hồi thửa đất số 18 Tam Đa để xây nhà sinh hoạt cộng đồng tổ dân phố 9 và 11', 'excellent'],
        ]),
      );
      expect(of2023.body.total).toBe(3);
      const boats = await demo.admin.get('/api/v1/commitments?year=2022').expect(200);
      expect(boats.body.items[0]).toMatchObject({
        scopeKind: 'free_text',
        outcome: 'completed',
        review: { reviewedBy: 'Phạm Thị Hạnh' },
      });
    } finally {
      await demo.close();
    }
  }, 60_000);
});
