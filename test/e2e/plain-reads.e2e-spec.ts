import { findByPlainSql } from '../../src/database/plain-reads.js';
import { Household } from '../../src/modules/households/household.entity.js';
import { LandParcel } from '../../src/modules/households/land-parcel.entity.js';
import { makeProject } from '../factories/factories.js';
import { createTestApp, type TestApp } from '../utils/create-test-app.js';

describe(findByPlainSql.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('should hydrate entities exactly as TypeORM does: types, transformers, nulls, order', async () => {
    const project = await makeProject(t.dataSource);
    const created = await t.admin
      .post(`/api/v1/projects/${project.id}/households`)
      .send({
        code: 'NTL3-777',
        headName: 'Nguyễn Thị Hường',
        address: 'Số 81, xóm 3, làng Phú Gia',
        parcels: [
          { mapSheet: '12', parcelNumber: '246', areaM2: 40.25, landUse: 'ONT' },
          { mapSheet: '12', parcelNumber: '245', areaM2: 80.5 },
          { mapSheet: '11', parcelNumber: '900', areaM2: 1 },
        ],
      })
      .expect(201);
    await t.admin
      .post(`/api/v1/households/${created.body.id}/visits`)
      .send({
        visitedAt: '2026-03-09T15:30:00+07:00',
        officers: ['Trần Thị Mai'],
        outcome: 'listened',
        nextFollowUpOn: '2026-03-20',
      })
      .expect(201);
    const { manager } = t.dataSource;
    const id = created.body.id as string;

    const [plain] = await findByPlainSql(manager, Household, 'id = $1', [id]);
    expect(plain).toBeInstanceOf(Household);
    expect(plain).toStrictEqual(await manager.findOneByOrFail(Household, { id }));
    expect(plain).toMatchObject({ status: 'persuading', nextFollowUpOn: '2026-03-20', landAreaM2: 121.75 });

    const parcels = await findByPlainSql(manager, LandParcel, 'household_id = $1', [id], {
      orderBy: 'map_sheet, parcel_number',
    });
    expect(parcels).toStrictEqual(
      await manager.find(LandParcel, { where: { householdId: id }, order: { mapSheet: 'ASC', parcelNumber: 'ASC' } }),
    );
    expect(parcels.map((p) => p.parcelNumber)).toEqual(['900', '245', '246']);
    expect(await findByPlainSql(manager, Household, 'id = $1', ['00000000-0000-4000-8000-000000000000'])).toEqual([]);

    // Locked for the rest of the transaction: another transaction's lock attempt gives up at once.
    await t.tx.run(async () => {
      const [locked] = await findByPlainSql(t.tx.manager, Household, 'id = $1', [id], { forUpdate: true });
      expect(locked).toStrictEqual(plain);
      const other = t.dataSource.createQueryRunner();
      try {
        await other.startTransaction();
        await other.query(`SET LOCAL lock_timeout = '50ms'`);
        await expect(other.query(`SELECT 1 FROM households WHERE id = $1 FOR UPDATE`, [id])).rejects.toThrow(
          /lock timeout/,
        );
        await other.rollbackTransaction();
      } finally {
        await other.release();
      }
    });
  });
});
