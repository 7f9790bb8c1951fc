import { AdministrativeUnitsController } from '../../src/modules/administrative-units/administrative-units.controller.js';
import { makeUnit } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

describe(AdministrativeUnitsController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should create a unit under its parent and read it back', async () => {
    const province = await makeUnit(t.dataSource, { level: 'province', name: 'Thành phố Hà Nội' });
    const created = await t.admin
      .post('/api/v1/administrative-units')
      .send({
        code: 'W-TAYHO-2025',
        name: 'Phường Tây Hồ',
        level: 'ward',
        parentId: province.id,
        validFrom: '2025-07-01',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      code: 'W-TAYHO-2025',
      name: 'Phường Tây Hồ',
      parentId: province.id,
      validFrom: '2025-07-01',
      validTo: null,
    });

    const read = await t.admin.get(`/api/v1/administrative-units/${created.body.id}`).expect(200);
    expect(read.body.name).toBe('Phường Tây Hồ');
  });

  it('should list children, units valid on a day, and find names without diacritics', async () => {
    const province = await makeUnit(t.dataSource, { level: 'province' });
    const district = await makeUnit(t.dataSource, {
      level: 'district',
      name: 'Quận Tây Hồ',
      parentId: province.id,
      validTo: '2025-06-30',
    });
    await makeUnit(t.dataSource, {
      level: 'ward',
      name: 'Phường Thụy Khuê',
      parentId: district.id,
      validTo: '2025-06-30',
    });
    await makeUnit(t.dataSource, { level: 'ward', name: 'Phường Phú Thượng', parentId: district.id });

    const children = await t.admin.get('/api/v1/administrative-units').query({ parentId: district.id }).expect(200);
    expect(children.body.total).toBe(2);

    const validNow = await t.admin
      .get('/api/v1/administrative-units')
      .query({ parentId: district.id, validOn: '2026-01-01' })
      .expect(200);
    expect(validNow.body.items.map((u: { name: string }) => u.name)).toEqual(['Phường Phú Thượng']);

    const search = await t.admin.get('/api/v1/administrative-units').query({ q: 'thuy khue' }).expect(200);
    expect(search.body.items.map((u: { name: string }) => u.name)).toContain('Phường Thụy Khuê');
  });

  it('should refuse bad input with field-level messages', async () => {
    const response = await t.admin
      .post('/api/v1/administrative-units')
      .send({ code: '', name: 42, level: 'hamlet', validFrom: '2025-02-30', unknown: true })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.body.details.fields).sort()).toEqual(['code', 'level', 'name', 'unknown', 'validFrom']);
    expect(response.body.requestId).toEqual(expect.any(String));
  });

  it('should refuse a validity period that ends before it starts', async () => {
    const response = await t.admin
      .post('/api/v1/administrative-units')
      .send({ code: 'X-1', name: 'X', level: 'province', validFrom: '2025-07-01', validTo: '2025-06-30' })
      .expect(400);
    expect(response.body.details.fields.validTo).toBeDefined();
  });

  it('should answer 409 for a duplicate code and 422 for an impossible hierarchy', async () => {
    const ward = await makeUnit(t.dataSource, { level: 'ward' });
    await t.admin
      .post('/api/v1/administrative-units')
      .send({ code: ward.code, name: 'Again', level: 'ward' })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('ADMINISTRATIVE_UNIT_CODE_TAKEN'));
    await t.admin
      .post('/api/v1/administrative-units')
      .send({ code: 'P-UNDER-WARD', name: 'Tỉnh', level: 'province', parentId: ward.id })
      .expect(422)
      .expect((r) => expect(r.body.code).toBe('INVALID_UNIT_HIERARCHY'));
    await t.admin
      .post('/api/v1/administrative-units')
      .send({ code: 'ORPHAN', name: 'Mồ côi', level: 'ward', parentId: '00000000-0000-4000-8000-000000000000' })
      .expect(422)
      .expect((r) => expect(r.body.code).toBe('PARENT_UNIT_NOT_FOUND'));
  });

  it('should answer 404 for an unknown id and 400 for a malformed one', async () => {
    await t.admin.get('/api/v1/administrative-units/00000000-0000-4000-8000-000000000000').expect(404);
    await t.admin.get('/api/v1/administrative-units/not-a-uuid').expect(400);
  });
});
