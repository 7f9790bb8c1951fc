import { HouseholdsController } from '../../src/modules/households/households.controller.js';
import { makeHousehold, makeProject } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

describe(HouseholdsController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('create and read', () => {
    it('should register a household with parcels, summing their area', async () => {
      const project = await makeProject(t.dataSource);
      const created = await t.admin
        .post(`/api/v1/projects/${project.id}/households`)
        .send({
          code: 'TK-001',
          headName: 'Nguyễn Thị Hoà',
          address: 'Số 5 ngõ 12 Thụy Khuê',
          phone: '0912 345 678',
          memberCount: 5,
          needsResettlement: true,
          parcels: [
            { mapSheet: '12', parcelNumber: '245', areaM2: 80.25, landUse: 'ODT' },
            { mapSheet: '12', parcelNumber: '246', areaM2: 39.75 },
          ],
        })
        .expect(201);
      expect(created.body).toMatchObject({
        projectId: project.id,
        code: 'TK-001',
        headName: 'Nguyễn Thị Hoà',
        status: 'not_contacted',
        landAreaM2: 120,
        landAreaSource: 'parcels',
        needsResettlement: true,
        vulnerable: false,
        archived: false,
        version: 1,
      });
      expect(created.body.parcels).toHaveLength(2);

      const read = await t.admin.get(`/api/v1/households/${created.body.id}`).expect(200);
      expect(read.headers.etag).toBe('W/"1"');
      expect(read.body.parcels.map((p: { parcelNumber: string }) => p.parcelNumber)).toEqual(['245', '246']);
    });

    it('should store Vietnamese text composed (NFC) whatever the phone sends', async () => {
      const project = await makeProject(t.dataSource);
      const decomposed = 'Nguyễn Văn Hùng'.normalize('NFD');
      const created = await t.admin
        .post(`/api/v1/projects/${project.id}/households`)
        .send({ code: 'NFD-1', headName: decomposed })
        .expect(201);
      expect(created.body.headName).toBe('Nguyễn Văn Hùng'.normalize('NFC'));
    });

    it('should refuse invalid input with field messages and write nothing', async () => {
      const project = await makeProject(t.dataSource);
      const response = await t.admin
        .post(`/api/v1/projects/${project.id}/households`)
        .send({
          code: 'bad code!',
          headName: '',
          memberCount: -1,
          phone: 'call me',
          parcels: [{ mapSheet: '1', parcelNumber: '2', areaM2: 0 }],
          status: 'agreed',
        })
        .expect(400);
      expect(Object.keys(response.body.details.fields).sort()).toEqual(
        ['code', 'headName', 'memberCount', 'parcels.0.areaM2', 'phone', 'status'].sort(),
      );
      const list = await t.admin.get(`/api/v1/projects/${project.id}/households`).expect(200);
      expect(list.body.total).toBe(0);
    });

    it('should refuse a declared area that contradicts the parcels', async () => {
      const project = await makeProject(t.dataSource);
      const response = await t.admin
        .post(`/api/v1/projects/${project.id}/households`)
        .send({
          code: 'A-1',
          headName: 'Lê Văn Tám',
          landAreaM2: 100,
          parcels: [{ mapSheet: '1', parcelNumber: '2', areaM2: 90 }],
        })
        .expect(400);
      expect(response.body.details.fields.landAreaM2).toBeDefined();
    });

    it('should answer 409 for a code already used in the project, and allow it in another project', async () => {
      const project = await makeProject(t.dataSource);
      const other = await makeProject(t.dataSource);
      await makeHousehold(t.dataSource, project.id, { code: 'DUP-1' });
      await t.admin
        .post(`/api/v1/projects/${project.id}/households`)
        .send({ code: 'DUP-1', headName: 'Phạm Văn Long' })
        .expect(409)
        .expect((r) => expect(r.body.code).toBe('HOUSEHOLD_CODE_TAKEN'));
      await t.admin
        .post(`/api/v1/projects/${other.id}/households`)
        .send({ code: 'DUP-1', headName: 'Phạm Văn Long' })
        .expect(201);
    });

    it('should answer 404 for an unknown project or household', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      await t.admin.post(`/api/v1/projects/${missing}/households`).send({ code: 'X', headName: 'Y' }).expect(404);
      await t.admin.get(`/api/v1/projects/${missing}/households`).expect(404);
      await t.admin.get(`/api/v1/households/${missing}`).expect(404);
    });
  });

  describe('list', () => {
    it('should find "Nguyễn" from "nguyen" and "Đặng" from "dang", over name, address and code', async () => {
      const project = await makeProject(t.dataSource);
      await makeHousehold(t.dataSource, project.id, {
        code: 'S-1',
        headName: 'Nguyễn Văn An',
        address: 'Ngõ 1 Lạc Long Quân',
      });
      await makeHousehold(t.dataSource, project.id, {
        code: 'S-2',
        headName: 'Đặng Thị Bình',
        address: 'Phố Thụy Khuê',
      });
      await makeHousehold(t.dataSource, project.id, { code: 'S-3', headName: 'Trần Văn Cường', address: 'Tam Đa' });

      const byName = await t.admin.get(`/api/v1/projects/${project.id}/households`).query({ q: 'nguyen' }).expect(200);
      expect(byName.body.items.map((h: { code: string }) => h.code)).toEqual(['S-1']);
      const byStroke = await t.admin
        .get(`/api/v1/projects/${project.id}/households`)
        .query({ q: 'DANG thi' })
        .expect(200);
      expect(byStroke.body.items.map((h: { code: string }) => h.code)).toEqual(['S-2']);
      const byAddress = await t.admin
        .get(`/api/v1/projects/${project.id}/households`)
        .query({ q: 'thuy khue' })
        .expect(200);
      expect(byAddress.body.items.map((h: { code: string }) => h.code)).toEqual(['S-2']);
      const byCode = await t.admin.get(`/api/v1/projects/${project.id}/households`).query({ q: 's-3' }).expect(200);
      expect(byCode.body.items.map((h: { code: string }) => h.code)).toEqual(['S-3']);
      const wildcard = await t.admin.get(`/api/v1/projects/${project.id}/households`).query({ q: '%' }).expect(200);
      expect(wildcard.body.total).toBe(0);
    });

    it('should filter by one or several statuses and by overdue follow-up', async () => {
      const project = await makeProject(t.dataSource);
      await makeHousehold(t.dataSource, project.id, { code: 'F-1', status: 'objecting', nextFollowUpOn: '2026-03-01' });
      await makeHousehold(t.dataSource, project.id, {
        code: 'F-2',
        status: 'conditional',
        consentCondition: 'other',
        nextFollowUpOn: '2026-03-20',
      });
      await makeHousehold(t.dataSource, project.id, {
        code: 'F-3',
        status: 'handed_over',
        handoverMode: 'voluntary',
        nextFollowUpOn: '2026-01-01',
      });
      await makeHousehold(t.dataSource, project.id, { code: 'F-4', status: 'persuading' });

      const objecting = await t.admin
        .get(`/api/v1/projects/${project.id}/households`)
        .query({ status: 'objecting' })
        .expect(200);
      expect(objecting.body.items.map((h: { code: string }) => h.code)).toEqual(['F-1']);
      const several = await t.admin
        .get(`/api/v1/projects/${project.id}/households`)
        .query({ status: 'objecting,conditional' })
        .expect(200);
      expect(several.body.total).toBe(2);
      // Today is 2026-03-10 on the test clock; a handed-over household is never overdue.
      const overdue = await t.admin
        .get(`/api/v1/projects/${project.id}/households`)
        .query({ followUpOverdue: 'true' })
        .expect(200);
      expect(overdue.body.items.map((h: { code: string }) => h.code)).toEqual(['F-1']);

      await t.admin.get(`/api/v1/projects/${project.id}/households`).query({ status: 'happy' }).expect(400);
      await t.admin.get(`/api/v1/projects/${project.id}/households`).query({ followUpOverdue: 'maybe' }).expect(400);
    });

    it('should paginate with a total count and refuse a page over 200', async () => {
      const project = await makeProject(t.dataSource);
      for (let i = 1; i <= 7; i += 1)
        await makeHousehold(t.dataSource, project.id, { code: `P-${String(i).padStart(2, '0')}` });
      const page = await t.admin
        .get(`/api/v1/projects/${project.id}/households`)
        .query({ limit: 3, offset: 3 })
        .expect(200);
      expect(page.body).toMatchObject({ total: 7, limit: 3, offset: 3 });
      expect(page.body.items.map((h: { code: string }) => h.code)).toEqual(['P-04', 'P-05', 'P-06']);
      const sorted = await t.admin
        .get(`/api/v1/projects/${project.id}/households`)
        .query({ sort: '-code', limit: 1 })
        .expect(200);
      expect(sorted.body.items[0].code).toBe('P-07');
      await t.admin.get(`/api/v1/projects/${project.id}/households`).query({ limit: 201 }).expect(400);
      await t.admin.get(`/api/v1/projects/${project.id}/households`).query({ limit: 'ten' }).expect(400);
    });
  });

  describe('update', () => {
    it('should change details and parcels, bumping the version', async () => {
      const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
      const updated = await t.admin
        .patch(`/api/v1/households/${household.id}`)
        .set('If-Match', 'W/"1"')
        .send({
          phone: '0987 654 321',
          vulnerable: true,
          parcels: [{ mapSheet: '3', parcelNumber: '17', areaM2: 250 }],
        })
        .expect(200);
      expect(updated.body).toMatchObject({
        phone: '0987 654 321',
        vulnerable: true,
        landAreaM2: 250,
        landAreaSource: 'parcels',
        version: 2,
      });
      expect(updated.headers.etag).toBe('W/"2"');
    });

    it('should refuse a stale write: 412 with If-Match, 409 with a version field, and keep the first write', async () => {
      const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
      await t.admin.patch(`/api/v1/households/${household.id}`).send({ phone: '0900000001', version: 1 }).expect(200);
      await t.admin
        .patch(`/api/v1/households/${household.id}`)
        .set('If-Match', 'W/"1"')
        .send({ phone: '0900000002' })
        .expect(412);
      await t.admin.patch(`/api/v1/households/${household.id}`).send({ phone: '0900000003', version: 1 }).expect(409);
      const read = await t.admin.get(`/api/v1/households/${household.id}`).expect(200);
      expect(read.body).toMatchObject({ phone: '0900000001', version: 2 });
    });

    it('should let exactly one of two concurrent edits of the same version win', async () => {
      const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
      const results = await Promise.all(
        ['0911111111', '0922222222'].map((phone) =>
          t.admin.patch(`/api/v1/households/${household.id}`).set('If-Match', 'W/"1"').send({ phone }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
    });

    it('should archive with a reason (never delete), hide it from lists, and restore it', async () => {
      const project = await makeProject(t.dataSource);
      const household = await makeHousehold(t.dataSource, project.id);
      await t.admin.patch(`/api/v1/households/${household.id}`).send({ archived: true }).expect(400);
      const archived = await t.admin
        .patch(`/api/v1/households/${household.id}`)
        .send({ archived: true, archiveReason: 'Trùng hồ sơ với hộ TK-002' })
        .expect(200);
      expect(archived.body).toMatchObject({ archived: true, archiveReason: 'Trùng hồ sơ với hộ TK-002' });

      const live = await t.admin.get(`/api/v1/projects/${project.id}/households`).expect(200);
      expect(live.body.total).toBe(0);
      const all = await t.admin
        .get(`/api/v1/projects/${project.id}/households`)
        .query({ includeArchived: 'true' })
        .expect(200);
      expect(all.body.total).toBe(1);
      await t.admin.get(`/api/v1/households/${household.id}`).expect(200);

      await t.admin.patch(`/api/v1/households/${household.id}`).send({ phone: '0900000000' }).expect(422);
      const restored = await t.admin.patch(`/api/v1/households/${household.id}`).send({ archived: false }).expect(200);
      expect(restored.body).toMatchObject({ archived: false, archiveReason: null });
    });

    it('should not delete households through the API', async () => {
      const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
      const response = await t.admin.delete(`/api/v1/households/${household.id}`);
      // No such method on the path: 405, and the methods it does take say there is no delete.
      expect(response.status).toBe(405);
      expect(String(response.headers.allow)).not.toContain('DELETE');
      await t.admin.get(`/api/v1/households/${household.id}`).expect(200);
    });
  });
});
