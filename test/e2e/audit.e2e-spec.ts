import request from 'supertest';
import type { QueryRunner } from 'typeorm';
import { AuditController } from '../../src/modules/audit/audit.controller.js';
import { AuditService } from '../../src/modules/audit/audit.service.js';
import { Household } from '../../src/modules/households/household.entity.js';
import { LandParcel } from '../../src/modules/households/land-parcel.entity.js';
import { makeApiKey } from '../factories/api-key-factories.js';
import { makeDialogueSession } from '../factories/dialogue-factories.js';
import { makeHousehold, makeProject, makeUnit, uniqueCode } from '../factories/factories.js';
import { createTestApp, TEST_NOW, type TestApp } from '../utils/create-test-app.js';

interface AuditRow {
  id: string;
  at: Date;
  actor_type: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string | null;
  project_id: string | null;
  changes: Record<string, { before?: unknown; after?: unknown }>;
  request_id: string | null;
  ip: string | null;
}

/** Records every statement `runner` sends, in order. */
function recordStatements(runner: QueryRunner): string[] {
  const statements: string[] = [];
  const query = runner.query.bind(runner);
  runner.query = ((sql: string, ...rest: unknown[]) => {
    statements.push(sql);
    return (query as (...args: unknown[]) => unknown)(sql, ...rest);
  }) as typeof runner.query;
  return statements;
}

describe(AuditController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterEach(() => {
    t.clock.set(TEST_NOW);
  });

  afterAll(async () => {
    await t.close();
  });

  const rowsWhere = (where: string, params: unknown[]): Promise<AuditRow[]> =>
    t.dataSource.query(`SELECT * FROM audit_log WHERE ${where} ORDER BY id`, params);
  const rowsOfRequest = (requestId: string) => rowsWhere('request_id = $1', [requestId]);
  const rowsOfRecord = (entity: string, entityId: string) =>
    rowsWhere('entity = $1 AND entity_id = $2', [entity, entityId]);
  const requestId = () => uniqueCode('req');

  describe('capturing writes', () => {
    it('should record a project created over HTTP: who, what, the values and the request id', async () => {
      const ward = await makeUnit(t.dataSource);
      const id = requestId();
      const created = await t.admin
        .post('/api/v1/projects')
        .set('X-Request-Id', id)
        .send({ code: uniqueCode('TK'), name: 'Mương Thụy Khuê', administrativeUnitIds: [ward.id] })
        .expect(201);
      expect(created.headers['x-request-id']).toBe(id);

      const rows = await rowsOfRequest(id);
      const project = rows.find((row) => row.entity === 'Project');
      expect(project).toMatchObject({
        action: 'create',
        entity_id: created.body.id,
        project_id: created.body.id,
        actor_type: 'user',
        actor_id: t.adminUser.id,
        actor_name: t.adminUser.fullName,
        at: TEST_NOW,
        request_id: id,
      });
      expect(project?.ip).toEqual(expect.any(String));
      expect(project?.changes).toMatchObject({
        code: { after: created.body.code },
        name: { after: 'Mương Thụy Khuê' },
        status: { after: 'active' },
      });
      expect(project?.changes).not.toHaveProperty('createdAt');
      expect(rows.filter((row) => row.entity === 'ProjectAdministrativeUnit')).toEqual([
        expect.objectContaining({
          action: 'create',
          project_id: created.body.id,
          changes: { projectId: { after: created.body.id }, administrativeUnitId: { after: ward.id } },
        }),
      ]);
    });

    it('should record a household through its life: creation, edits, a consent move, archive, restore', async () => {
      const project = await makeProject(t.dataSource);
      const create = requestId();
      const created = await t.admin
        .post(`/api/v1/projects/${project.id}/households`)
        .set('X-Request-Id', create)
        .send({
          code: uniqueCode('HH'),
          headName: 'Nguyễn Văn Hùng',
          parcels: [
            { mapSheet: '12', parcelNumber: '245', areaM2: 86.5 },
            { mapSheet: '12', parcelNumber: '246', areaM2: 33.5 },
          ],
        })
        .expect(201);
      const householdId = created.body.id as string;
      const creation = await rowsOfRequest(create);
      expect(creation.filter((row) => row.entity === 'Household')).toEqual([
        expect.objectContaining({ action: 'create', entity_id: householdId, project_id: project.id }),
      ]);
      expect(creation.find((row) => row.entity === 'Household')?.changes).toMatchObject({
        headName: { after: 'Nguyễn Văn Hùng' },
        landAreaM2: { after: 120 },
        status: { after: 'not_contacted' },
      });
      // Parcels have no project of their own: it is found through their household.
      const parcels = creation.filter((row) => row.entity === 'LandParcel');
      expect(parcels).toHaveLength(2);
      expect(parcels.every((row) => row.project_id === project.id && row.action === 'create')).toBe(true);

      const edit = requestId();
      await t.admin
        .patch(`/api/v1/households/${householdId}`)
        .set('X-Request-Id', edit)
        .send({ headName: 'Nguyễn Văn Hưng', memberCount: 5 })
        .expect(200);
      expect(await rowsOfRequest(edit)).toEqual([
        expect.objectContaining({
          action: 'update',
          entity: 'Household',
          entity_id: householdId,
          changes: {
            headName: { before: 'Nguyễn Văn Hùng', after: 'Nguyễn Văn Hưng' },
            memberCount: { before: null, after: 5 },
            version: { before: 1, after: 2 },
          },
        }),
      ]);

      const move = requestId();
      await t.admin
        .post(`/api/v1/households/${householdId}/consent`)
        .set('X-Request-Id', move)
        .send({ status: 'persuading', reason: 'Bắt đầu vận động' })
        .expect(200);
      const moved = await rowsOfRequest(move);
      expect(moved.find((row) => row.entity === 'Household')).toMatchObject({
        action: 'transition',
        changes: expect.objectContaining({ status: { before: 'not_contacted', after: 'persuading' } }),
      });
      expect(moved.find((row) => row.entity === 'ConsentTransition')).toMatchObject({
        action: 'create',
        project_id: project.id,
        changes: expect.objectContaining({
          householdId: { after: householdId },
          fromStatus: { after: 'not_contacted' },
          toStatus: { after: 'persuading' },
        }),
      });

      const archive = requestId();
      await t.admin
        .patch(`/api/v1/households/${householdId}`)
        .set('X-Request-Id', archive)
        .send({ archived: true, archiveReason: 'Trùng hộ TK-041' })
        .expect(200);
      expect(await rowsOfRequest(archive)).toEqual([
        expect.objectContaining({
          action: 'archive',
          changes: expect.objectContaining({
            archivedAt: { before: null, after: TEST_NOW.toISOString() },
            archiveReason: { before: null, after: 'Trùng hộ TK-041' },
          }),
        }),
      ]);
      const restore = requestId();
      await t.admin
        .patch(`/api/v1/households/${householdId}`)
        .set('X-Request-Id', restore)
        .send({ archived: false })
        .expect(200);
      expect((await rowsOfRequest(restore)).map((row) => row.action)).toEqual(['restore']);

      expect((await rowsOfRecord('Household', householdId)).map((row) => row.action)).toEqual([
        'create',
        'update',
        'transition',
        'archive',
        'restore',
      ]);
    });

    it('should record a visit and the move to persuasion it causes, in one statement before COMMIT', async () => {
      const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
      const id = requestId();
      // Every connection's statements, apart: the outbox relay works on its own meanwhile.
      const runners: string[][] = [];
      const createQueryRunner = t.dataSource.createQueryRunner.bind(t.dataSource);
      t.dataSource.createQueryRunner = (...args) => {
        const runner = createQueryRunner(...args);
        runners.push(recordStatements(runner));
        return runner;
      };
      let visit;
      try {
        visit = await t.admin
          .post(`/api/v1/households/${household.id}/visits`)
          .set('X-Request-Id', id)
          .send({ visitedAt: '2026-03-09T15:30:00+07:00', officers: ['Trần Thị Mai'], outcome: 'listened' })
          .expect(201);
      } finally {
        t.dataSource.createQueryRunner = createQueryRunner;
      }
      const writing = runners.filter((statements) => statements.some((sql) => sql.includes('INSERT INTO "visits"')));
      expect(writing).toHaveLength(1);
      const [unit] = writing;
      const audits = unit.flatMap((sql, i) => (sql.includes('INSERT INTO audit_log') ? [i] : []));
      expect(audits).toHaveLength(1);
      expect(unit[audits[0] + 1]).toBe('COMMIT');
      const rows = await rowsOfRequest(id);
      expect(rows.map((row) => `${row.entity}:${row.action}`).sort()).toEqual([
        'ConsentTransition:create',
        'Household:transition',
        'Visit:create',
      ]);
      expect(rows.find((row) => row.entity === 'Visit')).toMatchObject({
        entity_id: visit.body.id,
        project_id: household.projectId,
        actor_id: t.adminUser.id,
      });
    });

    it('should record a dialogue session held, and its attendance under the session and its project', async () => {
      const project = await makeProject(t.dataSource);
      const household = await makeHousehold(t.dataSource, project.id);
      const session = await makeDialogueSession(t.dataSource, project.id, { householdIds: [household.id] });
      const id = requestId();
      await t.admin
        .patch(`/api/v1/dialogue-sessions/${session.id}`)
        .set('X-Request-Id', id)
        .send({
          status: 'held',
          heldAt: '2026-03-09T08:30:00+07:00',
          minutes: 'Các hộ đề nghị bố trí quỹ nhà tái định cư trước khi bàn giao.',
          attendance: [{ householdId: household.id, attended: true, position: 'conditional' }],
        })
        .expect(200);
      const rows = await rowsOfRequest(id);
      expect(rows.find((row) => row.entity === 'DialogueSession')).toMatchObject({
        action: 'transition',
        entity_id: session.id,
        project_id: project.id,
        changes: expect.objectContaining({ status: { before: 'scheduled', after: 'held' } }),
      });
      // A participant's key is its session and household together.
      expect(rows.find((row) => row.entity === 'DialogueParticipant')).toMatchObject({
        entity_id: `${session.id}:${household.id}`,
        project_id: project.id,
        changes: expect.objectContaining({
          dialogueSessionId: { after: session.id },
          householdId: { after: household.id },
          attended: { after: true },
          position: { after: 'conditional' },
        }),
      });
    });

    it('should attribute writes made with an API key to the key', async () => {
      const ward = await makeUnit(t.dataSource);
      const project = await makeProject(t.dataSource, { unitIds: [ward.id] });
      const { apiKey, key } = await makeApiKey(t.dataSource, t.adminUser.id, {
        name: 'Ứng dụng tổ công tác',
        access: 'write',
        unitIds: [ward.id],
      });
      const id = requestId();
      const created = await request(t.http)
        .post(`/api/v1/projects/${project.id}/households`)
        .set('X-API-Key', key)
        .set('X-Request-Id', id)
        .send({ code: uniqueCode('HH'), headName: 'Lê Thị Hoa' })
        .expect(201);
      expect(await rowsOfRequest(id)).toEqual([
        expect.objectContaining({
          entity: 'Household',
          entity_id: created.body.id,
          actor_type: 'api_key',
          actor_id: apiKey.id,
          actor_name: 'Ứng dụng tổ công tác',
        }),
      ]);
    });

    it('should never store a secret, only that it was set', async () => {
      const { apiKey } = await makeApiKey(t.dataSource, t.adminUser.id);
      const [row] = await rowsOfRecord('ApiKey', apiKey.id);
      expect(row).toMatchObject({ action: 'create', actor_type: 'system', request_id: null, project_id: null });
      expect(row.changes.keyHash).toEqual({ after: '[redacted]' });
      expect(JSON.stringify(row.changes)).not.toMatch(/[0-9a-f]{64}/);
    });

    it('should record a revocation as such', async () => {
      const { apiKey } = await makeApiKey(t.dataSource, t.adminUser.id);
      await t.admin.delete(`/api/v1/api-keys/${apiKey.id}`).expect(204);
      await t.admin.delete(`/api/v1/api-keys/${apiKey.id}`).expect(204);
      expect((await rowsOfRecord('ApiKey', apiKey.id)).map((row) => row.action)).toEqual(['create', 'revoke']);
    });

    it('should leave no trace of a write that was rolled back', async () => {
      const project = await makeProject(t.dataSource);
      const code = uniqueCode('HH');
      await expect(
        t.dataSource.transaction(async (em) => {
          await em.save(
            Household,
            em.create(Household, {
              projectId: project.id,
              code,
              headName: 'Hộ không thành',
              statusChangedAt: TEST_NOW,
            }),
          );
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(await rowsWhere(`entity = 'Household' AND changes->'code'->>'after' = $1`, [code])).toEqual([]);
    });

    it('should record nothing for a write the API refused', async () => {
      const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
      const id = requestId();
      await t.admin
        .post(`/api/v1/households/${household.id}/consent`)
        .set('X-Request-Id', id)
        .send({ status: 'agreed', reason: 'Nhảy cóc' })
        .expect(422);
      await t.admin
        .patch(`/api/v1/households/${household.id}`)
        .set('X-Request-Id', id)
        .set('If-Match', 'W/"7"')
        .send({ headName: 'Cũ' })
        .expect(412);
      expect(await rowsOfRequest(id)).toEqual([]);
    });

    it('should write one audit statement for a bulk insert, with a row per record', async () => {
      const household = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
      const runner = t.dataSource.createQueryRunner();
      const statements = recordStatements(runner);
      try {
        await runner.manager.insert(
          LandParcel,
          Array.from({ length: 25 }, (_, i) => ({
            householdId: household.id,
            mapSheet: '7',
            parcelNumber: String(100 + i),
            areaM2: 10,
          })),
        );
      } finally {
        await runner.release();
      }
      expect(statements.filter((sql) => sql.includes('INSERT INTO audit_log'))).toHaveLength(1);
      const rows = await rowsWhere(`entity = 'LandParcel' AND changes->'householdId'->>'after' = $1`, [household.id]);
      expect(rows).toHaveLength(25);
      expect(new Set(rows.map((row) => row.entity_id)).size).toBe(25);
      expect(rows.every((row) => row.project_id === household.projectId && row.actor_type === 'system')).toBe(true);
    });

    it('should append explicit events with secrets redacted', async () => {
      const audit = t.app.get(AuditService);
      const email = `${uniqueCode('who')}@test.gpmb.vn`;
      await audit.record({
        action: 'login_failed',
        entity: 'User',
        actor: { type: 'anonymous', id: null, name: email },
        changes: { email, reason: 'bad_password', passwordHash: 'argon2id$...' },
      });
      expect(await rowsWhere(`action = 'login_failed' AND actor_name = $1`, [email])).toEqual([
        expect.objectContaining({
          entity: 'User',
          actor_type: 'anonymous',
          changes: { email, reason: 'bad_password', passwordHash: '[redacted]' },
        }),
      ]);
    });
  });

  describe('reading the trail', () => {
    it('should filter by record, actor, project, action and time, newest first', async () => {
      const project = await makeProject(t.dataSource);
      const household = await makeHousehold(t.dataSource, project.id);
      const deputy = await t.as('admin', [], 'Phạm Văn Đức');
      const earlier = new Date('2026-03-10T03:00:00Z');
      const later = new Date('2026-03-10T04:00:00Z');
      t.clock.set(earlier);
      await deputy.api.patch(`/api/v1/households/${household.id}`).send({ memberCount: 3 }).expect(200);
      t.clock.set(later);
      await deputy.api.patch(`/api/v1/households/${household.id}`).send({ memberCount: 4 }).expect(200);

      const all = await t.admin.get('/api/v1/audit').query({ entity: 'Household', entityId: household.id }).expect(200);
      expect(all.body.total).toBe(3);
      expect(all.body.items.map((item: { action: string; actor: { type: string } }) => item.action)).toEqual([
        'update',
        'update',
        'create',
      ]);
      expect(all.body.items[0]).toMatchObject({
        id: expect.any(String),
        at: later.toISOString(),
        actor: { type: 'user', id: deputy.id, name: 'Phạm Văn Đức' },
        entity: 'Household',
        entityId: household.id,
        projectId: project.id,
        changes: { memberCount: { before: 3, after: 4 }, version: { before: 2, after: 3 } },
        requestId: expect.any(String),
      });

      const byActor = await t.admin.get('/api/v1/audit').query({ actorId: deputy.id }).expect(200);
      expect(byActor.body.total).toBe(2);
      const since = await t.admin
        .get('/api/v1/audit')
        .query({ projectId: project.id, from: '2026-03-10T10:30:00+07:00' })
        .expect(200);
      expect(since.body.items.map((item: { at: string }) => item.at)).toEqual([later.toISOString()]);
      const until = await t.admin
        .get('/api/v1/audit')
        .query({ actorId: deputy.id, to: later.toISOString() })
        .expect(200);
      expect(until.body.items.map((item: { at: string }) => item.at)).toEqual([earlier.toISOString()]);
      const created = await t.admin
        .get('/api/v1/audit')
        .query({ projectId: project.id, action: 'create', entity: 'Household' })
        .expect(200);
      expect(created.body.total).toBe(1);

      const paged = await t.admin
        .get('/api/v1/audit')
        .query({ entity: 'Household', entityId: household.id, limit: 1, offset: 1 })
        .expect(200);
      expect(paged.body).toMatchObject({ total: 3, limit: 1, offset: 1 });
      expect(paged.body.items[0].id).toBe(all.body.items[1].id);
    });

    it('should show a supervisor only rows of the projects in their wards', async () => {
      const wardA = await makeUnit(t.dataSource);
      const wardB = await makeUnit(t.dataSource);
      const inA = await makeProject(t.dataSource, { unitIds: [wardA.id] });
      const inB = await makeProject(t.dataSource, { unitIds: [wardB.id] });
      await makeHousehold(t.dataSource, inA.id);
      await makeHousehold(t.dataSource, inB.id);
      await makeApiKey(t.dataSource, t.adminUser.id, { unitIds: [wardA.id] });
      const supervisor = await t.as('supervisor', [wardA.id], 'Mặt trận Tổ quốc phường');

      const seen = await supervisor.api.get('/api/v1/audit').query({ limit: 200 }).expect(200);
      expect(seen.body.total).toBeGreaterThan(0);
      const projects = new Set(seen.body.items.map((item: { projectId: string | null }) => item.projectId));
      expect([...projects]).toEqual([inA.id]);
      await supervisor.api
        .get('/api/v1/audit')
        .query({ projectId: inB.id })
        .expect(200)
        .expect((r) => expect(r.body.total).toBe(0));
      await supervisor.api
        .get('/api/v1/audit')
        .query({ entity: 'ApiKey' })
        .expect(200)
        .expect((r) => expect(r.body.total).toBe(0));

      const admin = await t.admin.get('/api/v1/audit').query({ projectId: inB.id }).expect(200);
      expect(admin.body.total).toBeGreaterThan(0);
      const keys = await t.admin.get('/api/v1/audit').query({ entity: 'ApiKey' }).expect(200);
      expect(keys.body.total).toBeGreaterThan(0);
    });

    it('should be closed to roles without audit:read and to anonymous callers', async () => {
      const ward = await makeUnit(t.dataSource);
      await (await t.as('officer', [ward.id])).api.get('/api/v1/audit').expect(403);
      await (await t.as('chair', [ward.id])).api.get('/api/v1/audit').expect(403);
      await request(t.http).get('/api/v1/audit').expect(401);
    });

    it('should answer 400 for malformed filters', async () => {
      const response = await t.admin
        .get('/api/v1/audit')
        .query({ projectId: 'tay-ho', from: 'yesterday', limit: 0 })
        .expect(400);
      expect(Object.keys(response.body.details.fields).sort()).toEqual(['from', 'limit', 'projectId']);
    });
  });

  describe('append-only', () => {
    it('should offer no route that changes or deletes the trail', async () => {
      for (const method of ['delete', 'post', 'patch', 'put'] as const) {
        const response = await t.admin[method]('/api/v1/audit').send({}).expect(405);
        expect(response.headers.allow).toBe('GET, HEAD');
      }
    });

    it.each([
      ['UPDATE', `UPDATE audit_log SET actor_name = 'someone else'`],
      ['DELETE', 'DELETE FROM audit_log'],
      ['TRUNCATE', 'TRUNCATE audit_log'],
    ])('should have the database refuse %s', async (_label, sql) => {
      await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);
      const before = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_log`);
      await expect(t.dataSource.query(sql)).rejects.toMatchObject({
        driverError: expect.objectContaining({ code: '42501', message: 'audit_log is append-only' }),
      });
      const after = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_log`);
      expect(after[0].n).toBe(before[0].n);
    });
  });
});
