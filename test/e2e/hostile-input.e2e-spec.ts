import fc from 'fast-check';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';
import { HOSTILE_VALUES, rowCounts, WRITE_TABLES } from '../utils/hostile.js';

/**
 * Random and hostile values in otherwise valid bodies of the main write endpoints (so validation is
 * passed and the value reaches the service): the answer is never a 5xx, and a refused request writes
 * nothing. Every route, and every query string, is attacked from its contract in contract-fuzz.
 */
describe('hostile input', () => {
  let t: TestApp;
  let ids: { unit: string; project: string; household: string };

  beforeAll(async () => {
    t = await createTestApp();
    const unit = await makeUnit(t.dataSource);
    const project = await makeProject(t.dataSource, { unitIds: [unit.id] });
    const household = await makeHousehold(t.dataSource, project.id, { status: 'persuading' });
    ids = { unit: unit.id, project: project.id, household: household.id };
  });

  afterAll(async () => {
    await t.close();
  });

  const rowCountsNow = () => rowCounts(t.dataSource, WRITE_TABLES);

  const hostileScalar = fc.oneof(
    fc.constantFrom(...HOSTILE_VALUES),
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ maxLength: 300 }),
  );
  const deepNesting = (depth: number): unknown => (depth === 0 ? 'deep' : { nested: deepNesting(depth - 1) });

  const endpoints = () => [
    {
      path: '/api/v1/administrative-units',
      method: 'post' as const,
      valid: { code: 'HOSTILE', name: 'Phường', level: 'ward', parentId: ids.unit },
    },
    {
      path: '/api/v1/projects',
      method: 'post' as const,
      valid: {
        code: 'HOSTILE',
        name: 'Dự án',
        administrativeUnitIds: [ids.unit],
        totalAreaM2: 100,
        consentThreshold: 0.75,
      },
    },
    {
      path: `/api/v1/projects/${ids.project}`,
      method: 'patch' as const,
      valid: { name: 'Dự án', consentThreshold: 0.8, version: 999 },
    },
    {
      path: `/api/v1/projects/${ids.project}/households`,
      method: 'post' as const,
      valid: {
        code: 'HOSTILE',
        headName: 'Nguyễn Văn A',
        parcels: [{ mapSheet: '1', parcelNumber: '2', areaM2: 10 }],
        vulnerable: true,
      },
    },
    {
      path: `/api/v1/households/${ids.household}`,
      method: 'patch' as const,
      valid: { headName: 'Nguyễn Văn B', memberCount: 3, needsResettlement: true, version: 999 },
    },
    {
      path: `/api/v1/households/${ids.household}/consent`,
      method: 'post' as const,
      valid: { status: 'conditional', reason: 'x', condition: 'resettlement_housing', version: 999 },
    },
    {
      path: `/api/v1/households/${ids.household}/visits`,
      method: 'post' as const,
      valid: {
        visitedAt: '2026-12-09T15:30:00+07:00',
        officers: ['Mai'],
        outcome: 'listened',
        nextFollowUpOn: '2026-12-20',
      },
    },
    {
      path: `/api/v1/projects/${ids.project}/dialogue-sessions`,
      method: 'post' as const,
      valid: {
        scheduledAt: '2027-01-05T08:00:00+07:00',
        location: 'UBND',
        kind: 'formal',
        chair: 'x',
        householdIds: [],
        agenda: 'x',
      },
    },
  ];

  it('should never answer 5xx and never write on a refusal, whatever a field holds', async () => {
    for (const endpoint of endpoints()) {
      const fields = Object.keys(endpoint.valid);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...fields), hostileScalar, async (field, value) => {
          // Each valid body is built so that it is refused for a reason other than the field under test
          // (stale version, future visit, existing code), so any write would be a bug.
          const before = await rowCountsNow();
          const body = { ...endpoint.valid, [field]: value };
          const response = await t.admin[endpoint.method](endpoint.path).send(body);
          expect(response.status).toBeLessThan(500);
          if (response.status >= 400) expect(await rowCountsNow()).toBe(before);
        }),
        { numRuns: 40 },
      );
    }
  });

  it('should refuse unknown fields, deep nesting and non-object bodies without a 5xx', async () => {
    for (const endpoint of endpoints()) {
      const before = await rowCountsNow();
      for (const body of [{ ...endpoint.valid, extra: deepNesting(200) }, [endpoint.valid], 'text', 42]) {
        const test = endpoint.method === 'post' ? t.admin.post(endpoint.path) : t.admin.patch(endpoint.path);
        const response = await test.set('content-type', 'application/json').send(JSON.stringify(body));
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }
      // Invalid UTF-8 in every string field: bytes that decode to nothing Vietnamese or otherwise.
      const invalidUtf8 = Buffer.concat([
        Buffer.from(JSON.stringify({ ...endpoint.valid, code: 'X' }).slice(0, -1) + ',"name":"'),
        Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff, 0xfe]),
        Buffer.from('"}'),
      ]);
      const test = endpoint.method === 'post' ? t.admin.post(endpoint.path) : t.admin.patch(endpoint.path);
      const response = await test.set('content-type', 'application/json').send(invalidUtf8);
      expect(response.status).toBeLessThan(500);
      if (response.status >= 400) expect(await rowCountsNow()).toBe(before);
    }
  });
});
