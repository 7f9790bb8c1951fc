import { ProjectsController } from '../../src/modules/projects/projects.controller.js';
import { makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

describe(ProjectsController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should create a project spanning several units with defaults', async () => {
    const tayHo = await makeUnit(t.dataSource, { name: 'Phường Tây Hồ' });
    const baDinh = await makeUnit(t.dataSource, { name: 'Phường Ba Đình' });
    const response = await t.admin
      .post('/api/v1/projects')
      .send({
        code: 'TK-MUONG',
        name: 'Cải tạo mương thoát nước Thụy Khuê',
        administrativeUnitIds: [tayHo.id, baDinh.id],
        totalAreaM2: 15000.5,
        startedOn: '2012-03-01',
        cutoffOn: '2012-06-30',
      })
      .expect(201);
    expect(response.body).toMatchObject({
      code: 'TK-MUONG',
      name: 'Cải tạo mương thoát nước Thụy Khuê',
      totalAreaM2: 15000.5,
      consentThreshold: 0.75,
      status: 'active',
      version: 1,
    });
    expect(response.body.administrativeUnitIds.sort()).toEqual([tayHo.id, baDinh.id].sort());
  });

  it('should refuse unknown units, a duplicate code and bad values', async () => {
    const unit = await makeUnit(t.dataSource);
    const existing = await makeProject(t.dataSource, { unitIds: [unit.id] });
    const missing = '00000000-0000-4000-8000-000000000000';

    const unknownUnit = await t.admin
      .post('/api/v1/projects')
      .send({ code: 'NEW-1', name: 'x', administrativeUnitIds: [missing] })
      .expect(400);
    expect(unknownUnit.body.details.fields.administrativeUnitIds[0]).toContain(missing);

    await t.admin
      .post('/api/v1/projects')
      .send({ code: existing.code, name: 'x', administrativeUnitIds: [unit.id] })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('PROJECT_CODE_TAKEN'));

    const invalid = await t.admin
      .post('/api/v1/projects')
      .send({
        code: 'NEW-2',
        name: 'x',
        administrativeUnitIds: [],
        consentThreshold: 1.5,
        totalAreaM2: -1,
        status: 'paused',
      })
      .expect(400);
    expect(Object.keys(invalid.body.details.fields).sort()).toEqual([
      'administrativeUnitIds',
      'consentThreshold',
      'status',
      'totalAreaM2',
    ]);
  });

  it('should list projects of a unit and of the units below it', async () => {
    const province = await makeUnit(t.dataSource, { level: 'province' });
    const ward = await makeUnit(t.dataSource, { level: 'ward', parentId: province.id });
    const elsewhere = await makeUnit(t.dataSource, { level: 'province' });
    const inWard = await makeProject(t.dataSource, { unitIds: [ward.id], name: 'Khu đô thị Nam Thăng Long' });
    await makeProject(t.dataSource, { unitIds: [elsewhere.id] });

    const response = await t.admin.get('/api/v1/projects').query({ administrativeUnitId: province.id }).expect(200);
    expect(response.body.total).toBe(1);
    expect(response.body.items[0]).toMatchObject({ id: inWard.id, administrativeUnitIds: [ward.id] });

    const search = await t.admin.get('/api/v1/projects').query({ q: 'nam thang long' }).expect(200);
    expect(search.body.items.map((p: { id: string }) => p.id)).toContain(inWard.id);
  });

  it('should update with optimistic concurrency and an ETag', async () => {
    const project = await makeProject(t.dataSource);
    const read = await t.admin.get(`/api/v1/projects/${project.id}`).expect(200);
    const etag = read.headers.etag;
    expect(etag).toBe('W/"1"');

    const updated = await t.admin
      .patch(`/api/v1/projects/${project.id}`)
      .set('If-Match', etag)
      .send({ consentThreshold: 0.8, targetOn: '2027-12-31' })
      .expect(200);
    expect(updated.body).toMatchObject({ consentThreshold: 0.8, targetOn: '2027-12-31', version: 2 });
    expect(updated.headers.etag).toBe('W/"2"');

    await t.admin
      .patch(`/api/v1/projects/${project.id}`)
      .set('If-Match', etag)
      .send({ name: 'stale' })
      .expect(412)
      .expect((r) => expect(r.body.code).toBe('STALE_VERSION'));
    await t.admin.patch(`/api/v1/projects/${project.id}`).send({ name: 'stale', version: 1 }).expect(409);

    const after = await t.admin.get(`/api/v1/projects/${project.id}`).expect(200);
    expect(after.body.name).not.toBe('stale');
  });

  it('should refuse a target date before the start and leave the project unchanged', async () => {
    const project = await makeProject(t.dataSource, { startedOn: '2020-01-01' });
    await t.admin.patch(`/api/v1/projects/${project.id}`).send({ targetOn: '2019-01-01' }).expect(400);
    const after = await t.admin.get(`/api/v1/projects/${project.id}`).expect(200);
    expect(after.body).toMatchObject({ targetOn: null, version: 1 });
  });

  it('should answer 404 for an unknown project', async () => {
    await t.admin.get('/api/v1/projects/00000000-0000-4000-8000-000000000000').expect(404);
    await t.admin.patch('/api/v1/projects/00000000-0000-4000-8000-000000000000').send({ name: 'x' }).expect(404);
  });
});
