import { COUNT_CAP } from '../../src/modules/households/household-list.js';
import { HOUSEHOLD_SORT_VALUES } from '../../src/modules/households/dto/list-households.query.js';
import { makeProject } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

interface Row {
  id: string;
  code: string;
}

/**
 * Lists of a large project: keyset pages (`cursor`) walk the same rows in the same order as offset
 * pages, with no row twice and none left out, whatever the sort (ties and nulls included), and
 * the count stops at its cap instead of counting every row.
 */
describe('pages of households', () => {
  let t: TestApp;
  let projectId: string;
  const path = () => `/api/v1/projects/${projectId}/households`;

  beforeAll(async () => {
    t = await createTestApp();
    projectId = (await makeProject(t.dataSource)).id;
    // Ties on every sort and nulls on the nullable ones: names, dates and areas repeat.
    await t.dataSource.query(
      `INSERT INTO households (project_id, code, head_name, land_area_m2, status, last_contact_at, next_follow_up_on)
       SELECT $1, 'HH-' || lpad(n::text, 3, '0'), (ARRAY['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'])[1 + n % 3],
              (n % 4) * 25, 'persuading',
              CASE WHEN n % 5 = 0 THEN NULL ELSE timestamptz '2026-03-01' + (n % 7) * interval '1 day' END,
              CASE WHEN n % 3 = 0 THEN NULL ELSE date '2026-03-01' + (n % 6) END
       FROM generate_series(1, 47) AS n`,
      [projectId],
    );
  });

  afterAll(async () => {
    await t.close();
  });

  it.each(HOUSEHOLD_SORT_VALUES)(
    'should walk the whole list by cursor in the order offset pages give, sorted by %s',
    async (sort) => {
      const all = await t.admin.get(path()).query({ sort, limit: 200 }).expect(200);
      expect(all.body.nextCursor).toBeNull();
      const walked: Row[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 20; page += 1) {
        const response = await t.admin
          .get(path())
          .query({ sort, limit: 10, ...(cursor ? { cursor } : {}) })
          .expect(200);
        walked.push(...(response.body.items as Row[]));
        expect(response.body.total).toBe(47);
        cursor = response.body.nextCursor ?? undefined;
        if (!cursor) break;
      }
      expect(walked.map((row) => row.code)).toEqual((all.body.items as Row[]).map((row) => row.code));
    },
  );

  it('should refuse a cursor that is malformed, made for another sort, or sent with an offset', async () => {
    const first = await t.admin.get(path()).query({ sort: 'headName', limit: 5 }).expect(200);
    const cursor = first.body.nextCursor as string;
    for (const query of [
      { cursor: 'not-a-cursor' },
      { cursor, sort: 'code' },
      { cursor: Buffer.from('["headName",1]').toString('base64url'), sort: 'headName' },
    ]) {
      const response = await t.admin.get(path()).query(query).expect(400);
      expect(Object.keys(response.body.details.fields)).toEqual(['cursor']);
    }
    const both = await t.admin.get(path()).query({ cursor, sort: 'headName', offset: 5 }).expect(400);
    expect(Object.keys(both.body.details.fields)).toEqual(['offset']);
  });

  it(`should count up to ${COUNT_CAP} rows and then say the total is a lower bound`, async () => {
    const big = (await makeProject(t.dataSource)).id;
    await t.dataSource.query(
      `INSERT INTO households (project_id, code, head_name, status)
       SELECT $1, 'BIG-' || n, 'Nguyễn Thị Hoa', 'objecting' FROM generate_series(1, $2::int) AS n`,
      [big, COUNT_CAP + 5],
    );
    const many = await t.admin.get(`/api/v1/projects/${big}/households`).query({ q: 'nguyen' }).expect(200);
    expect(many.body).toMatchObject({ total: COUNT_CAP, totalExact: false });
    const few = await t.admin.get(`/api/v1/projects/${big}/households`).query({ q: 'BIG-100' }).expect(200);
    // BIG-100 and BIG-1000 … BIG-1005.
    expect(few.body).toMatchObject({ total: 7, totalExact: true, nextCursor: null });
  });
});
