import { createConfig, lintFromString, type NormalizedProblem } from '@redocly/openapi-core';
import request from 'supertest';
import { HOUSEHOLD_SORTS } from '../../src/modules/households/dto/list-households.query.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

/** A part of the JSON document, read as loosely as a supertest body: the assertions check its shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON of any shape, like the body it comes from
type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const PUBLIC = ['POST /api/v1/auth/login', 'POST /api/v1/auth/refresh', 'GET /health'];
const COMPOSED = ['$ref', 'allOf', 'oneOf', 'anyOf'];
/** Where the linter says the document comes from; the ignore list below names it too. */
const SOURCE = '/docs-json';

interface Operation {
  /** `POST /api/v1/projects` */
  name: string;
  method: string;
  operation: Json;
}

function operationsOf(document: Json): Operation[] {
  return Object.entries(document.paths as Record<string, Json>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({
      name: `${method.toUpperCase()} ${path}`,
      method,
      operation: item[method],
    })),
  );
}

const needsCredentials = ({ operation }: Operation) =>
  !(Array.isArray(operation.security) && operation.security.length === 0);

/**
 * Every property, anywhere in the document (components, inline schemas, array items, parameters),
 * that a generated client would type as `unknown` or `{}`: no type at all, or an object with nothing
 * that says what is inside it.
 */
function untypedProperties(document: Json): string[] {
  const found: string[] = [];
  const check = (schema: Json | undefined, where: string) => {
    if (!schema || typeof schema !== 'object') return;
    if (!('type' in schema) && !COMPOSED.some((key) => key in schema)) found.push(`${where} (no type)`);
    else if (
      schema.type === 'object' &&
      !['properties', 'additionalProperties', ...COMPOSED].some((key) => key in schema)
    ) {
      found.push(`${where} (empty object)`);
    }
    visit(schema, where);
  };
  const visit = (schema: Json, where: string) => {
    for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
      check(property, `${where}.${name}`);
    }
    if (schema.items) check(schema.items, `${where}[]`);
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      check(schema.additionalProperties, `${where}{}`);
    }
    for (const key of ['allOf', 'oneOf', 'anyOf']) {
      for (const [index, member] of ((schema[key] ?? []) as Json[]).entries())
        visit(member, `${where}.${key}[${index}]`);
    }
  };
  for (const [name, schema] of Object.entries(document.components.schemas as Record<string, Json>)) visit(schema, name);
  for (const { name, operation } of operationsOf(document)) {
    for (const parameter of (operation.parameters ?? []) as Json[]) {
      check(parameter.schema, `${name} ${parameter.in}:${parameter.name}`);
    }
    const bodies = [
      operation.requestBody,
      ...Object.values((operation.responses ?? {}) as Record<string, Json>),
    ] as Array<Json | undefined>;
    for (const body of bodies) {
      for (const [type, media] of Object.entries((body?.content ?? {}) as Record<string, Json>)) {
        if (media.schema && !('$ref' in media.schema)) check(media.schema, `${name} ${type}`);
      }
    }
  }
  return found;
}

const problemText = (problem: NormalizedProblem) =>
  `${problem.severity} ${problem.ruleId} at ${problem.location.map((at) => at.pointer).join(', ')}: ${problem.message}`;

/** The document a client generator reads: exact types, the real security and the answers every route shares. */
describe('OpenAPI document', () => {
  let t: TestApp;
  let document: Json;

  beforeAll(async () => {
    t = await createTestApp();
    document = (await request(t.http).get('/docs-json').expect(200)).body;
  });

  afterAll(async () => {
    await t.close();
  });

  it('should pass the recommended rules of the Redocly linter, warnings included', async () => {
    const config = await createConfig(
      {
        extends: ['recommended'],
        rules: {
          // An internal API of the wards' working groups: there is no licence to name.
          'info-license': 'off',
        },
      },
      {
        ignore: {
          // /health answers 200 or 503: there is no 4xx it could answer (public, no input, not throttled).
          [SOURCE]: { 'operation-4xx-response': new Set(['#/paths/~1health/get/responses']) },
        },
      },
    );
    const problems = await lintFromString({ source: JSON.stringify(document), absoluteRef: SOURCE, config });
    expect(problems.filter((problem) => !problem.ignored).map(problemText)).toEqual([]);
  });

  it('should type every property: no empty objects, nothing without a type', () => {
    expect(untypedProperties(document)).toEqual([]);
  });

  it('should type nullable strings and free-form objects as what they are', () => {
    const { schemas } = document.components;
    expect(schemas.UpdateDialogueSessionDto.properties.agenda).toMatchObject({ type: 'string', nullable: true });
    expect(schemas.CreateEnforcementRecordDto.properties.decisionPostedOn).toMatchObject({
      type: 'string',
      format: 'date',
      nullable: true,
    });
    expect(schemas.ErrorResponse.properties.details).toMatchObject({ type: 'object', additionalProperties: true });
  });

  it('should offer every sort of the households list, ascending and descending', () => {
    const list = document.paths['/api/v1/projects/{id}/households'].get;
    const sort = list.parameters.find((parameter: Json) => parameter.name === 'sort');
    expect(sort.schema.enum).toContain('-code');
    expect([...sort.schema.enum].sort()).toEqual([...HOUSEHOLD_SORTS, ...HOUSEHOLD_SORTS.map((s) => `-${s}`)].sort());
  });

  it('should need no credentials exactly on the public routes', () => {
    const open = operationsOf(document).filter((operation) => !needsCredentials(operation));
    expect(open.map(({ name }) => name).sort()).toEqual([...PUBLIC].sort());
    expect(document.security).toEqual([{ bearer: [] }, { 'api-key': [] }]);
  });

  it('should declare Idempotency-Key on every POST with credentials, and on no public one', () => {
    const header = (operation: Json) =>
      (operation.parameters ?? []).find(
        (parameter: Json) => parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key',
      );
    const posts = operationsOf(document).filter(({ method }) => method === 'post');
    const missing = posts.filter((post) => needsCredentials(post) && !header(post.operation)).map(({ name }) => name);
    expect(missing).toEqual([]);
    expect(posts.filter((post) => !needsCredentials(post) && header(post.operation)).map(({ name }) => name)).toEqual(
      [],
    );
    const visits = header(document.paths['/api/v1/households/{id}/visits'].post);
    expect(visits).toMatchObject({ required: false, schema: { type: 'string', minLength: 1, maxLength: 200 } });
    expect(new RegExp(visits.schema.pattern).test('5f0c2b8e-3d7a-4b61-9a2e-8c4f1d6e7a90')).toBe(true);
    expect(new RegExp(visits.schema.pattern).test('two words')).toBe(false);
  });

  it('should document 401, 403 and 429 where credentials are needed, and 429 on every write', () => {
    const lacking = operationsOf(document).flatMap((operation) => {
      const statuses = [
        ...(needsCredentials(operation) ? ['401', '403', '429'] : []),
        ...(WRITES.has(operation.method) && !needsCredentials(operation) ? ['429'] : []),
      ];
      return statuses
        .filter((status) => operation.operation.responses[status]?.content?.['application/json'] === undefined)
        .map((status) => `${operation.name} ${status}`);
    });
    expect(lacking).toEqual([]);
    expect(document.paths['/api/v1/auth/login'].post.responses['429']).toBeDefined();
  });

  it('should give every response header a schema', () => {
    const bare = operationsOf(document).flatMap(({ name, operation }) =>
      Object.entries(operation.responses as Record<string, Json>).flatMap(([status, response]) =>
        Object.entries((response.headers ?? {}) as Record<string, Json>)
          .filter(([, header]) => !header.schema && !header.content)
          .map(([header]) => `${name} ${status} ${header}`),
      ),
    );
    expect(bare).toEqual([]);
    const user = document.paths['/api/v1/users/{id}'].get.responses['200'];
    expect(user.headers.ETag.schema).toMatchObject({ type: 'string' });
  });
});
