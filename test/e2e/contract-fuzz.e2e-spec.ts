import fc from 'fast-check';
import request from 'supertest';
import { DemoSeeder } from '../../src/demo/demo-seed.js';
import { pngImage } from '../factories/evidence-files.js';
import { makeUser } from '../factories/user-factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { HOSTILE_VALUES, rowCounts, WRITE_TABLES } from '../utils/hostile.js';

/**
 * Every route of the OpenAPI document, attacked with what its own schema says it refuses and with
 * random hostile values: no answer is a 5xx, a value the schema forbids is a 400 naming the field,
 * and a refused request writes nothing. Routes come from /docs-json, so a new route is covered the
 * day it is added.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an OpenAPI document is untyped JSON
type Json = any;

interface Operation {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
  operation: Json;
}

/** The table whose record a path parameter names, by the path segment before it. */
const TABLE_OF_SEGMENT: Record<string, string> = {
  users: 'users',
  'api-keys': 'api_keys',
  'administrative-units': 'administrative_units',
  projects: 'projects',
  households: 'households',
  'dialogue-sessions': 'dialogue_sessions',
  'deadline-rules': 'deadline_rules',
  holidays: 'holidays',
  complaints: 'complaints',
  enforcement: 'enforcement_records',
  reminders: 'reminders',
  'resettlement-funds': 'resettlement_funds',
  'resettlement-offers': 'resettlement_offers',
  webhooks: 'webhook_subscriptions',
  'webhook-deliveries': 'webhook_deliveries',
  'working-groups': 'working_groups',
  visits: 'visits',
  'consent-moves': 'consent_transitions',
  evidence: 'evidence_files',
  commitments: 'commitments',
};

/** Signing out would end the session every later request uses; the sign-in routes have their own tests. */
const SKIPPED = new Set(['/api/v1/auth/logout', '/api/v1/auth/login', '/api/v1/auth/refresh', '/health']);

const QUERY_HOSTILE = ['', ',', ' ', '%', "'", '\\', 'x'.repeat(3000), '-1', '1e309', '9999999999999', 'true,false'];

/** Values the property's schema forbids, so the answer must be a 400 naming the property. */
function forbiddenValues(schema: Json): unknown[] {
  if (!schema || schema.$ref || schema.allOf || schema.oneOf) return [];
  const values: unknown[] = [];
  if (!schema.nullable && schema.type !== undefined) values.push(null);
  switch (schema.type) {
    case 'string':
      values.push(12345, { text: 'x' });
      if (schema.enum) values.push('__not_one_of_them__');
      if (schema.format === 'uuid') values.push('not-a-uuid');
      if (schema.format === 'date') values.push('2025-02-30', '2025-13-01');
      if (schema.format === 'date-time') values.push('yesterday');
      if (schema.format === 'email') values.push('not an email');
      if (schema.format === 'uri') values.push('not a url');
      if (typeof schema.maxLength === 'number' && schema.maxLength < 100_000) {
        values.push('x'.repeat(schema.maxLength + 1));
      }
      break;
    case 'integer':
      values.push(1.5, 'twelve');
      if (typeof schema.minimum === 'number') values.push(schema.minimum - 1);
      if (typeof schema.maximum === 'number') values.push(schema.maximum + 1);
      break;
    case 'number':
      values.push('twelve');
      if (typeof schema.minimum === 'number') values.push(schema.minimum - 1);
      if (typeof schema.maximum === 'number') values.push(schema.maximum + 1);
      break;
    case 'boolean':
      values.push('maybe', 2);
      break;
    case 'array':
      values.push('not a list', { 0: 'x' });
      break;
  }
  return values;
}

/** Query values the parameter's schema forbids (in a URL every value is text, so only its form can be wrong). */
function forbiddenQueryValues(schema: Json): string[] {
  if (!schema) return [];
  const values: string[] = [];
  if (schema.enum) values.push('__not_one_of_them__');
  if (schema.format === 'uuid') values.push('not-a-uuid');
  if (schema.format === 'date') values.push('2025-02-30');
  if (schema.format === 'date-time') values.push('yesterday');
  if (schema.type === 'integer') values.push('1.5', 'twelve');
  if (schema.type === 'number') values.push('twelve');
  if (schema.type === 'boolean') values.push('maybe');
  if (typeof schema.minimum === 'number') values.push(String(schema.minimum - 1));
  if (typeof schema.maximum === 'number') values.push(String(schema.maximum + 1));
  return values;
}

describe('every route, as its contract says', () => {
  let t: TestApp;
  let document: Json;
  let ids: Map<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.get(DemoSeeder).seedIfEmpty();
    document = (await request(t.http).get('/docs-json').expect(200)).body;

    // Records the demo has none of, so their routes are reached too.
    const webhook = await t.admin
      .post('/api/v1/webhooks')
      .send({ url: 'http://127.0.0.1:9/hooks', events: ['household.status_changed'] })
      .expect(201);
    await t.dataSource.query(
      `INSERT INTO webhook_deliveries (subscription_id, event, payload, status, attempts, round_attempts, created_at)
       VALUES ($1, 'household.status_changed', '{}', 'failed', 10, 10, now())`,
      [webhook.body.id],
    );
    await t.admin.post('/api/v1/api-keys').send({ name: 'Fuzz', access: 'read', administrativeUnitIds: [] });
    const [household] = await t.dataSource.query<{ id: string; project_id: string; unit_id: string }[]>(
      `SELECT h.id, h.project_id, pau.administrative_unit_id AS unit_id FROM households h
       JOIN project_administrative_units pau ON pau.project_id = h.project_id
       WHERE h.archived_at IS NULL ORDER BY h.id LIMIT 1`,
    );
    await t.admin
      .post(`/api/v1/households/${household.id}/complaints`)
      .send({ receivedOn: '2026-03-01', summary: 'Khiếu nại về đơn giá bồi thường', complainant: 'Nguyễn Văn An' })
      .expect(201);
    const fund = await t.admin
      .post('/api/v1/resettlement-funds')
      .send({
        name: 'Quỹ nhà tái định cư',
        site: 'Khu tái định cư Phú Thượng',
        administrativeUnitId: household.unit_id,
        projectIds: [household.project_id],
      })
      .expect(201);
    await t.admin
      .post(`/api/v1/resettlement-funds/${fund.body.id}/units`)
      .send({ units: [{ code: 'CH-101', kind: 'apartment', areaM2: 60 }] })
      .expect(202);
    await t.dataSource.query(
      `INSERT INTO resettlement_offers (unit_id, household_id, offered_at, expires_at)
       SELECT id, $1, now(), now() + interval '7 days' FROM resettlement_units WHERE fund_id = $2`,
      [household.id, fund.body.id],
    );
    await t.dataSource.query(
      `INSERT INTO reminders (kind, subject_type, subject_id, household_id, project_id, title, due_at, status, dedupe_key)
       VALUES ('follow_up', 'household', $1, $1, $2, 'Thăm lại hộ', now(), 'open', 'fuzz-reminder')`,
      [household.id, household.project_id],
    );
    await t.dataSource.query(
      `INSERT INTO enforcement_records (household_id, project_id, decision_no, decision_issued_on, status, created_by)
       VALUES ($1, $2, '123/QĐ-UBND', '2026-02-01', 'draft', 'Quản trị viên')`,
      [household.id, household.project_id],
    );
    await t.dataSource.query(`INSERT INTO working_groups (project_id, name) VALUES ($1, 'Tổ công tác thử')`, [
      household.project_id,
    ]);
    const [visit] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM visits ORDER BY id LIMIT 1`);
    await t.admin
      .post(`/api/v1/visits/${visit.id}/evidence`)
      .field('kind', 'photo')
      .attach('file', pngImage(), { filename: 'anh.png', contentType: 'image/png' })
      .expect(201);
    // A user to edit, so the admin signed in here is never the one deactivated.
    const victim = await makeUser(t.dataSource, { role: 'officer' });

    ids = new Map();
    for (const [segment, table] of Object.entries(TABLE_OF_SEGMENT)) {
      const rows: { id: string }[] =
        table === 'users'
          ? [{ id: victim.user.id }]
          : await t.dataSource.query(`SELECT id::text AS id FROM ${table} ORDER BY id LIMIT 1`);
      if (rows[0]) ids.set(segment, rows[0].id);
    }
  }, 60_000);

  afterAll(async () => {
    await t.close();
  });

  const operations = (methods: ReadonlyArray<Operation['method']>): Operation[] =>
    Object.entries<Json>(document.paths)
      .filter(([path]) => !SKIPPED.has(path))
      .flatMap(([path, item]) =>
        methods.filter((method) => item[method]).map((method) => ({ method, path, operation: item[method] })),
      );

  /** The path with each parameter replaced by a record of the kind it names (or a made-up id). */
  const pathOf = (path: string): string =>
    path.replace(/\/([^/]+)\/\{[^}]+\}/g, (_, segment: string) => {
      const param = segment === 'projects' ? ids.get('projects') : ids.get(segment);
      return `/${segment}/${param ?? '00000000-0000-4000-8000-000000000000'}`;
    });

  const bodySchemaOf = (operation: Json): Json => {
    const ref: string | undefined = operation.requestBody?.content?.['application/json']?.schema?.$ref;
    return ref ? document.components.schemas[ref.split('/').pop() as string] : undefined;
  };

  const rowCountsNow = () => rowCounts(t.dataSource, WRITE_TABLES);

  const send = (operation: Operation, body: unknown) =>
    t.admin[operation.method](pathOf(operation.path))
      .set('content-type', 'application/json')
      .send(JSON.stringify(body));

  it('should answer every value a body schema forbids with 400 naming the field, and write nothing', async () => {
    const misses: string[] = [];
    for (const operation of operations(['post', 'patch', 'put'])) {
      const schema = bodySchemaOf(operation.operation);
      for (const [property, propertySchema] of Object.entries<Json>(schema?.properties ?? {})) {
        for (const value of forbiddenValues(propertySchema)) {
          const before = await rowCountsNow();
          const response = await send(operation, { [property]: value });
          const fields = Object.keys(response.body?.details?.fields ?? {});
          const named = fields.some((field) => field === property || field.startsWith(`${property}.`));
          // A record that does not exist is refused before its body is read; anything else must name the field.
          if (!(response.status === 404 || (response.status === 400 && named))) {
            misses.push(
              `${operation.method.toUpperCase()} ${operation.path} ${property}=${JSON.stringify(value).slice(0, 40)} → ${response.status} ${fields.join(',')}`,
            );
          }
          if (response.status >= 400 && (await rowCountsNow()) !== before) {
            misses.push(`${operation.method.toUpperCase()} ${operation.path} ${property}: wrote on a refusal`);
          }
        }
      }
    }
    expect(misses).toEqual([]);
  }, 300_000);

  it('should reach every route with a record that exists, and refuse unknown fields on every write', async () => {
    const accepted: string[] = [];
    for (const operation of operations(['post', 'patch', 'put', 'delete'])) {
      const response = await send(operation, { notAField: 1 });
      // A 404 would mean the route was never reached, and every check here would pass unseen.
      if (!(response.status === 400 && response.body.details?.fields?.notAField)) {
        accepted.push(`${operation.method.toUpperCase()} ${operation.path} → ${response.status}`);
      }
    }
    expect(accepted).toEqual([]);
  }, 120_000);

  it('should never answer 5xx, nor write on a refusal, whatever a field holds', async () => {
    for (const operation of operations(['post', 'patch', 'put', 'delete'])) {
      const properties = Object.keys(bodySchemaOf(operation.operation)?.properties ?? {});
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...properties, '__body__'),
          fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 200 })),
          async (property, value) => {
            const before = await rowCountsNow();
            const response = await send(operation, property === '__body__' ? value : { [property]: value });
            expect({ route: `${operation.method} ${operation.path}`, status: response.status }).toEqual({
              route: `${operation.method} ${operation.path}`,
              status: expect.any(Number),
            });
            expect(response.status).toBeLessThan(500);
            if (response.status >= 400) expect(await rowCountsNow()).toBe(before);
          },
        ),
        { numRuns: 12 },
      );
    }
  }, 300_000);

  it('should never answer 5xx to a query string, and name a query value its schema forbids', async () => {
    const misses: string[] = [];
    for (const operation of operations(['get'])) {
      for (const parameter of (operation.operation.parameters ?? []).filter((p: Json) => p.in === 'query')) {
        const schema = parameter.schema?.type === 'array' ? parameter.schema.items : parameter.schema;
        const forbidden = forbiddenQueryValues(schema);
        for (const value of [...QUERY_HOSTILE, ...forbidden]) {
          const response = await t.admin.get(pathOf(operation.path)).query({ [parameter.name]: String(value) });
          if (response.status >= 500)
            misses.push(`GET ${operation.path} ?${parameter.name}=${String(value).slice(0, 20)} → 500`);
          if (
            forbidden.includes(value) &&
            response.status !== 404 &&
            !response.body?.details?.fields?.[parameter.name]
          ) {
            misses.push(`GET ${operation.path} ?${parameter.name}=${String(value).slice(0, 20)} → ${response.status}`);
          }
        }
      }
    }
    expect(misses).toEqual([]);
  }, 300_000);
});
