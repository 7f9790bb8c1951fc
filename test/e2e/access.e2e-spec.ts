import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import request from 'supertest';
import { AuthService } from '../../src/modules/auth/auth.service.js';
import { PUBLIC_ROUTE, REQUIRED_ACTION } from '../../src/modules/access/access.decorators.js';
import { type Action, PERMISSIONS } from '../../src/modules/access/domain/permissions.js';
import { ROLES } from '../../src/modules/access/domain/roles.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, type TestApp, type TestUser } from '../utils/create-test-app.js';

interface Route {
  method: 'get' | 'post' | 'patch' | 'delete' | 'put';
  path: string;
  action: Action | undefined;
  isPublic: boolean;
}

/** Every route the application serves, read from the controllers' own metadata. */
function routesOf(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, controller) as string | undefined) ?? '';
      const classPublic = Reflect.getMetadata(PUBLIC_ROUTE, controller) === true;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = [base, (Reflect.getMetadata(PATH_METADATA, handler) as string | undefined) ?? '']
          .filter((part) => part && part !== '/')
          .join('/');
        const prefix = path === 'health' ? '' : '/api/v1';
        routes.push({
          method: RequestMethod[method].toLowerCase() as Route['method'],
          path: `${prefix}/${path}`,
          action: Reflect.getMetadata(REQUIRED_ACTION, handler) as Action | undefined,
          isPublic: classPublic || Reflect.getMetadata(PUBLIC_ROUTE, handler) === true,
        });
      }
    }
  }
  return routes;
}

const withIds = (path: string, id: string) => path.replace(/:\w+/g, id);

describe('access control', () => {
  let t: TestApp;
  let wardA: string;
  let wardB: string;
  let projectA: string;
  let projectB: string;
  let householdA: string;
  let householdB: string;
  let officerA: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    const province = await makeUnit(t.dataSource, { level: 'province' });
    wardA = (await makeUnit(t.dataSource, { level: 'ward', parentId: province.id, name: 'Phường Tây Hồ' })).id;
    wardB = (await makeUnit(t.dataSource, { level: 'ward', parentId: province.id, name: 'Phường Phú Thượng' })).id;
    projectA = (await makeProject(t.dataSource, { unitIds: [wardA], name: 'Mương Thụy Khuê' })).id;
    projectB = (await makeProject(t.dataSource, { unitIds: [wardB], name: 'Nam Thăng Long' })).id;
    householdA = (await makeHousehold(t.dataSource, projectA, { status: 'persuading' })).id;
    householdB = (await makeHousehold(t.dataSource, projectB, { status: 'persuading', headName: 'Lê Thị Bí Mật' })).id;
    officerA = await t.as('officer', [wardA], 'Nguyễn Văn Phường A');
  });

  afterAll(async () => {
    await t.close();
  });

  it('should declare a permission or @Public() on every route', () => {
    const routes = routesOf(t);
    expect(routes.length).toBeGreaterThan(15);
    const undeclared = routes.filter((route) => !route.isPublic && !route.action);
    expect(undeclared).toEqual([]);
  });

  it('should refuse every non-public route without credentials, and with a bad token', async () => {
    const closed = routesOf(t).filter((route) => !route.isPublic);
    for (const route of closed) {
      const path = withIds(route.path, projectA);
      const anonymous = await request(t.http)[route.method](path).send({});
      expect({ route: `${route.method} ${route.path}`, status: anonymous.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 401,
      });
      expect(anonymous.body.code).toBe('UNAUTHENTICATED');
      const forged = await request(t.http)[route.method](path).set('Authorization', 'Bearer not.a.jwt').send({});
      expect(forged.status).toBe(401);
    }
    await request(t.http).get('/health').expect(200);
  });

  it('should let each role do exactly what the permission table says, on every route', async () => {
    const users = await Promise.all(ROLES.map((role) => t.as(role, [wardA])));
    // Signing out ends the session every later request uses, so it goes last.
    const signsOut = (route: Route) => Number(route.path.endsWith('/auth/logout'));
    const routes = routesOf(t)
      .filter((r) => !r.isPublic && r.action)
      .sort((a, b) => signsOut(a) - signsOut(b));
    for (const route of routes) {
      for (const user of users) {
        const response = await user.api[route.method](withIds(route.path, '00000000-0000-4000-8000-000000000000')).send(
          {},
        );
        const allowed = PERMISSIONS[user.role].includes(route.action as Action);
        expect({ route: `${route.method} ${route.path}`, role: user.role, forbidden: response.status === 403 }).toEqual(
          {
            route: `${route.method} ${route.path}`,
            role: user.role,
            forbidden: !allowed,
          },
        );
        expect(response.status).toBeLessThan(500);
      }
    }
  });

  it("should never show an officer another ward's records, in lists or by id", async () => {
    const projects = await officerA.api.get('/api/v1/projects').expect(200);
    expect(projects.body.items.map((p: { id: string }) => p.id)).toEqual([projectA]);
    expect(projects.body.total).toBe(1);

    const stats = await officerA.api.get('/api/v1/stats/projects').expect(200);
    expect(stats.body.items.map((p: { projectId: string }) => p.projectId)).toEqual([projectA]);

    for (const path of [
      `/api/v1/projects/${projectB}`,
      `/api/v1/projects/${projectB}/households`,
      `/api/v1/projects/${projectB}/stats`,
      `/api/v1/projects/${projectB}/dialogue-sessions`,
      `/api/v1/households/${householdB}`,
      `/api/v1/households/${householdB}/consent-history`,
      `/api/v1/households/${householdB}/visits`,
    ]) {
      const response = await officerA.api.get(path);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    await officerA.api.get(`/api/v1/households/${householdA}`).expect(200);
  });

  it("should answer 404 to any write on another ward's records and change nothing", async () => {
    await officerA.api.patch(`/api/v1/households/${householdB}`).send({ headName: 'Đổi tên' }).expect(404);
    await officerA.api
      .post(`/api/v1/households/${householdB}/consent`)
      .send({ status: 'agreed', reason: 'x' })
      .expect(404);
    await officerA.api
      .post(`/api/v1/households/${householdB}/visits`)
      .send({ visitedAt: '2026-03-09T09:00:00+07:00', officers: ['A'], outcome: 'listened' })
      .expect(404);
    await officerA.api.post(`/api/v1/projects/${projectB}/households`).send({ code: 'X-1', headName: 'Y' }).expect(404);
    const read = await t.admin.get(`/api/v1/households/${householdB}`).expect(200);
    expect(read.body).toMatchObject({ headName: 'Lê Thị Bí Mật', status: 'persuading', version: 1 });
  });

  it('should not reveal whether an out-of-scope id exists', async () => {
    const existing = await officerA.api.get(`/api/v1/households/${householdB}`).expect(404);
    const missing = await officerA.api.get('/api/v1/households/00000000-0000-4000-8000-000000000000').expect(404);
    expect({ ...existing.body, requestId: null, message: null, details: null }).toEqual({
      ...missing.body,
      requestId: null,
      message: null,
      details: null,
    });
  });

  it('should see projects of units below the assigned one', async () => {
    const district = await makeUnit(t.dataSource, { level: 'district' });
    const ward = await makeUnit(t.dataSource, { level: 'ward', parentId: district.id });
    const project = await makeProject(t.dataSource, { unitIds: [ward.id] });
    const chair = await t.as('chair', [district.id]);
    const list = await chair.api.get('/api/v1/projects').expect(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual([project.id]);
  });

  it('should not let a chair create a project in a ward outside their scope', async () => {
    const chair = await t.as('chair', [wardA]);
    const response = await chair.api
      .post('/api/v1/projects')
      .send({ code: 'OUTSIDE-1', name: 'Ngoài phạm vi', administrativeUnitIds: [wardB] })
      .expect(400);
    expect(response.body.details.fields.administrativeUnitIds).toBeDefined();
    await chair.api
      .post('/api/v1/projects')
      .send({ code: 'INSIDE-1', name: 'Trong phạm vi', administrativeUnitIds: [wardA] })
      .expect(201);
  });

  it('should let a supervisor read but not write', async () => {
    const supervisor = await t.as('supervisor', [wardA], 'Mặt trận Tổ quốc');
    await supervisor.api.get(`/api/v1/households/${householdA}`).expect(200);
    const refused = await supervisor.api
      .post(`/api/v1/households/${householdA}/consent`)
      .send({ status: 'agreed', reason: 'x' })
      .expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
  });

  it('should send security headers', async () => {
    const response = await request(t.http).get('/health').expect(200);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });
});

describe('write throttling', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ config: { writeRateLimitPerMinute: 3, authFailureRateLimitPerMinute: 3 } });
  });

  afterAll(async () => {
    await t.close();
  });

  it('should answer 429 past the write limit per caller, and never throttle reads', async () => {
    const unit = await makeUnit(t.dataSource);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await t.admin
        .post('/api/v1/projects')
        .send({ code: `THROTTLE-${i}`, name: 'x', administrativeUnitIds: [unit.id] });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
    for (let i = 0; i < 6; i += 1) await t.admin.get('/api/v1/projects').expect(200);
    const other = await t.as('admin');
    await other.api
      .post('/api/v1/projects')
      .send({ code: 'THROTTLE-OTHER', name: 'x', administrativeUnitIds: [unit.id] })
      .expect(201);
  });

  it('should count the writes of one account together, however its token is spelled and across its sign-ins', async () => {
    const unit = await makeUnit(t.dataSource);
    const user = await t.as('admin');
    const second = await t.app.get(AuthService).issueTokens(user.id);
    const headers = [
      `bearer ${user.token}`,
      `Bearer  ${user.token}`,
      `Bearer ${second.accessToken}`,
      `BEARER ${user.token}`,
    ];
    const statuses: number[] = [];
    for (const [i, authorization] of headers.entries()) {
      const response = await request(t.http)
        .post('/api/v1/projects')
        .set('Authorization', authorization)
        .send({ code: `SPELLED-${i}`, name: 'x', administrativeUnitIds: [unit.id] });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429]);
  });

  it('should count bogus credentials against their address, so each does not get a fresh allowance', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const response = await request(t.http).get('/api/v1/projects').set('Authorization', `Bearer bogus-${i}`);
      statuses.push(response.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    const refused = await request(t.http).post('/api/v1/projects').set('X-API-Key', 'gpmb_bogus').send({});
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // A caller with real credentials from the same address is not refused for them.
    await t.admin.get('/api/v1/projects').expect(200);
  });
});
