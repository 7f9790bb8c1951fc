import { DialoguesController } from '../../src/modules/dialogues/dialogues.controller.js';
import { makeDialogueSession } from '../factories/dialogue-factories.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, TEST_NOW, type TestApp } from '../utils/create-test-app.js';

const MISSING = '00000000-0000-4000-8000-000000000000';
// TEST_NOW is 2026-03-10 09:00 in Hanoi.
const YESTERDAY_MORNING = '2026-03-09T08:30:00+07:00';
const LATER_TODAY = '2026-03-10T14:00:00+07:00';

describe(DialoguesController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  /** A project with households, and a scheduled session inviting the first two of them. */
  async function scheduledSession(householdCount = 3) {
    const project = await makeProject(t.dataSource);
    const households = [];
    for (let i = 0; i < householdCount; i += 1) households.push(await makeHousehold(t.dataSource, project.id));
    const invited = households.slice(0, 2).map((h) => h.id);
    const session = await makeDialogueSession(t.dataSource, project.id, { householdIds: invited });
    return { project, households, invited, session, url: `/api/v1/dialogue-sessions/${session.id}` };
  }

  it('should schedule a session inviting households of the project and read it back', async () => {
    const project = await makeProject(t.dataSource, { name: 'Khu đô thị Nam Thăng Long, giai đoạn 3' });
    const a = await makeHousehold(t.dataSource, project.id);
    const b = await makeHousehold(t.dataSource, project.id);

    const created = await t.admin
      .post(`/api/v1/projects/${project.id}/dialogue-sessions`)
      .send({
        scheduledAt: '2026-03-20T08:30:00+07:00',
        location: 'Hội trường UBND phường Phú Thượng',
        kind: 'formal',
        chair: 'Chủ tịch UBND phường',
        householdIds: [a.id, b.id],
      })
      .expect(201);
    expect(created.headers.etag).toBe('W/"1"');
    expect(created.body).toMatchObject({
      projectId: project.id,
      scheduledAt: '2026-03-20T01:30:00.000Z',
      kind: 'formal',
      agenda: null,
      status: 'scheduled',
      heldAt: null,
      minutes: null,
      cancelReason: null,
      version: 1,
      attendance: [],
    });
    expect(created.body.householdIds.sort()).toEqual([a.id, b.id].sort());

    const read = await t.admin.get(`/api/v1/dialogue-sessions/${created.body.id}`).expect(200);
    expect(read.headers.etag).toBe('W/"1"');
    expect(read.body).toEqual(created.body);
  });

  it('should schedule a session with nobody invited yet', async () => {
    const project = await makeProject(t.dataSource);
    const created = await t.admin
      .post(`/api/v1/projects/${project.id}/dialogue-sessions`)
      .send({
        scheduledAt: '2026-03-20T08:30:00Z',
        location: 'Nhà văn hoá tổ dân phố 9',
        kind: 'informal',
        chair: 'Tổ trưởng',
        householdIds: [],
      })
      .expect(201);
    expect(created.body).toMatchObject({ householdIds: [], attendance: [], kind: 'informal' });
  });

  it('should list sessions latest first, page by page, filtered by status and period', async () => {
    const project = await makeProject(t.dataSource);
    const household = await makeHousehold(t.dataSource, project.id);
    const at = (iso: string) => new Date(iso);
    const jan = await makeDialogueSession(t.dataSource, project.id, {
      scheduledAt: at('2026-01-15T02:00:00Z'),
      status: 'held',
    });
    const feb = await makeDialogueSession(t.dataSource, project.id, {
      scheduledAt: at('2026-02-15T02:00:00Z'),
      status: 'cancelled',
      householdIds: [household.id],
    });
    const mar = await makeDialogueSession(t.dataSource, project.id, {
      scheduledAt: at('2026-03-15T02:00:00Z'),
      householdIds: [household.id],
    });
    await makeDialogueSession(t.dataSource, (await makeProject(t.dataSource)).id);
    const url = `/api/v1/projects/${project.id}/dialogue-sessions`;

    const first = await t.admin.get(url).query({ limit: 2 }).expect(200);
    expect(first.body).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(first.body.items.map((s: { id: string }) => s.id)).toEqual([mar.id, feb.id]);
    expect(first.body.items[0].householdIds).toEqual([household.id]);

    const second = await t.admin.get(url).query({ limit: 2, offset: 2 }).expect(200);
    expect(second.body.items.map((s: { id: string }) => s.id)).toEqual([jan.id]);

    const held = await t.admin.get(url).query({ status: 'held' }).expect(200);
    expect(held.body.items.map((s: { id: string }) => s.id)).toEqual([jan.id]);

    const february = await t.admin
      .get(url)
      .query({ from: '2026-02-01T00:00:00+07:00', to: '2026-03-01T00:00:00+07:00' })
      .expect(200);
    expect(february.body).toMatchObject({ total: 1, items: [{ id: feb.id, status: 'cancelled' }] });

    const inverted = await t.admin
      .get(url)
      .query({ from: '2026-03-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })
      .expect(400);
    expect(inverted.body.details.fields.to).toBeDefined();

    const badQuery = await t.admin.get(url).query({ status: 'postponed', from: '2026-02-01', limit: 0 }).expect(400);
    expect(Object.keys(badQuery.body.details.fields).sort()).toEqual(['from', 'limit', 'status']);
  });

  it("should list a household's sessions, only those it was invited to, and hide other wards'", async () => {
    const ward = await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' });
    const project = await makeProject(t.dataSource, { unitIds: [ward.id] });
    const household = await makeHousehold(t.dataSource, project.id);
    const neighbour = await makeHousehold(t.dataSource, project.id);
    const uninvited = await makeHousehold(t.dataSource, project.id);
    const held = await makeDialogueSession(t.dataSource, project.id, {
      scheduledAt: new Date('2026-02-15T02:00:00Z'),
      status: 'held',
      householdIds: [household.id, neighbour.id],
    });
    await makeDialogueSession(t.dataSource, project.id, { householdIds: [neighbour.id] });
    const planned = await makeDialogueSession(t.dataSource, project.id, {
      scheduledAt: new Date('2026-03-20T02:00:00Z'),
      householdIds: [household.id],
    });
    await t.admin
      .patch(`/api/v1/dialogue-sessions/${held.id}`)
      .send({
        attendance: [
          { householdId: household.id, attended: true, position: 'conditional', note: 'Chờ nhà tái định cư' },
        ],
      })
      .expect(200);

    const url = `/api/v1/households/${household.id}/dialogue-sessions`;
    const listed = await t.admin.get(url).expect(200);
    expect(listed.body).toMatchObject({ total: 2, items: [{ id: planned.id }, { id: held.id, status: 'held' }] });
    expect(listed.body.items[1].attendance).toContainEqual(
      expect.objectContaining({ householdId: household.id, attended: true, position: 'conditional' }),
    );
    expect((await t.admin.get(url).query({ status: 'scheduled' }).expect(200)).body.items).toEqual([
      expect.objectContaining({ id: planned.id }),
    ]);
    expect((await t.admin.get(`/api/v1/households/${uninvited.id}/dialogue-sessions`).expect(200)).body).toMatchObject({
      total: 0,
      items: [],
    });
    await t.admin.get(`/api/v1/households/${MISSING}/dialogue-sessions`).expect(404);

    const insider = await t.as('officer', [ward.id]);
    await insider.api.get(url).expect(200);
    const outsider = await t.as('officer', [(await makeUnit(t.dataSource, { name: 'Phường Tây Hồ' })).id]);
    await outsider.api.get(url).expect(404);
  });

  it('should refuse unknown fields, a bad kind and bad dates with field messages', async () => {
    const project = await makeProject(t.dataSource);
    const response = await t.admin
      .post(`/api/v1/projects/${project.id}/dialogue-sessions`)
      .send({
        scheduledAt: '2026-02-30T09:00:00+07:00',
        location: '',
        kind: 'town-hall',
        chair: 'Chủ tịch',
        householdIds: ['not-a-uuid', 'not-a-uuid'],
        room: 'B2',
      })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(response.body.details.fields).sort()).toEqual([
      'householdIds',
      'kind',
      'location',
      'room',
      'scheduledAt',
    ]);

    const noZone = await t.admin
      .post(`/api/v1/projects/${project.id}/dialogue-sessions`)
      .send({ scheduledAt: '2026-03-20T09:00:00', location: 'x', kind: 'formal', chair: 'x' })
      .expect(400);
    expect(Object.keys(noZone.body.details.fields).sort()).toEqual(['householdIds', 'scheduledAt']);

    const { url } = await scheduledSession();
    const patch = await t.admin
      .patch(url)
      .send({ location: null, status: 'done', attendance: [{ householdId: MISSING, attended: 'yes', extra: 1 }] })
      .expect(400);
    expect(Object.keys(patch.body.details.fields).sort()).toEqual([
      'attendance.0.attended',
      'attendance.0.extra',
      'location',
      'status',
    ]);
  });

  it('should refuse households of another project or archived ones, listing them', async () => {
    const project = await makeProject(t.dataSource);
    const own = await makeHousehold(t.dataSource, project.id);
    const archived = await makeHousehold(t.dataSource, project.id, {
      archivedAt: new Date('2026-01-01T00:00:00Z'),
      archiveReason: 'Trùng hồ sơ',
    });
    const foreign = await makeHousehold(t.dataSource, (await makeProject(t.dataSource)).id);

    const response = await t.admin
      .post(`/api/v1/projects/${project.id}/dialogue-sessions`)
      .send({
        scheduledAt: LATER_TODAY,
        location: 'x',
        kind: 'formal',
        chair: 'x',
        householdIds: [own.id, foreign.id, archived.id, MISSING],
      })
      .expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    const messages: string[] = response.body.details.fields.householdIds;
    expect(messages).toHaveLength(3);
    for (const id of [foreign.id, archived.id, MISSING]) expect(messages.join('\n')).toContain(id);

    const { url } = await scheduledSession();
    const patch = await t.admin
      .patch(url)
      .send({ householdIds: [foreign.id] })
      .expect(400);
    expect(patch.body.details.fields.householdIds[0]).toContain(foreign.id);
  });

  it('should answer 404 for an unknown project or session and 400 for a malformed id', async () => {
    await t.admin
      .post(`/api/v1/projects/${MISSING}/dialogue-sessions`)
      .send({ scheduledAt: LATER_TODAY, location: 'x', kind: 'formal', chair: 'x', householdIds: [] })
      .expect(404)
      .expect((r) => expect(r.body.code).toBe('PROJECT_NOT_FOUND'));
    await t.admin.get(`/api/v1/projects/${MISSING}/dialogue-sessions`).expect(404);
    await t.admin.get(`/api/v1/dialogue-sessions/${MISSING}`).expect(404);
    await t.admin.patch(`/api/v1/dialogue-sessions/${MISSING}`).send({ location: 'x' }).expect(404);
    await t.admin.get('/api/v1/dialogue-sessions/42').expect(400);
  });

  it('should record a session as held with minutes and attendance, then accept corrections', async () => {
    const { url, invited } = await scheduledSession();
    const [first, second] = invited;

    const held = await t.admin
      .patch(url)
      .send({
        status: 'held',
        heldAt: YESTERDAY_MORNING,
        minutes: 'Các hộ đề nghị bố trí quỹ nhà tái định cư trước khi bàn giao.',
        attendance: [
          { householdId: first, attended: true, position: 'conditional', note: 'Đồng ý khi có nhà tái định cư' },
          { householdId: second, attended: false },
        ],
      })
      .expect(200);
    expect(held.headers.etag).toBe('W/"2"');
    expect(held.body).toMatchObject({ status: 'held', heldAt: '2026-03-09T01:30:00.000Z', version: 2 });
    expect(held.body.attendance).toEqual(
      expect.arrayContaining([
        { householdId: first, attended: true, position: 'conditional', note: 'Đồng ý khi có nhà tái định cư' },
        { householdId: second, attended: false, position: null, note: null },
      ]),
    );

    const corrected = await t.admin
      .patch(url)
      .set('If-Match', held.headers.etag)
      .send({ minutes: 'Biên bản đã sửa', attendance: [{ householdId: second, attended: true, position: 'agree' }] })
      .expect(200);
    expect(corrected.body).toMatchObject({ status: 'held', minutes: 'Biên bản đã sửa', version: 3 });
    expect(corrected.body.attendance).toHaveLength(2);
    expect(corrected.body.attendance).toContainEqual({
      householdId: second,
      attended: true,
      position: 'agree',
      note: null,
    });
  });

  it('should accept a held session sent back whole with only its minutes corrected, and a retried cancel', async () => {
    const { url, invited } = await scheduledSession();
    const held = await t.admin
      .patch(url)
      .send({
        status: 'held',
        heldAt: YESTERDAY_MORNING,
        minutes: 'Biên bản',
        attendance: [{ householdId: invited[0], attended: true }],
      })
      .expect(200);
    const { id: _id, projectId: _p, version: _v, createdAt: _c, updatedAt: _u, cancelReason: _r, ...form } = held.body;
    const resent = await t.admin
      .patch(url)
      .set('If-Match', held.headers.etag)
      .send({ ...form, minutes: 'Biên bản (bổ sung ý kiến hộ dân)' })
      .expect(200);
    expect(resent.body).toMatchObject({ minutes: 'Biên bản (bổ sung ý kiến hộ dân)', version: 3 });

    const { url: otherUrl } = await scheduledSession();
    const cancel = { status: 'cancelled', cancelReason: 'Chủ trì bận họp cấp trên' };
    await t.admin.patch(otherUrl).send(cancel).expect(200);
    const retried = await t.admin.patch(otherUrl).send(cancel).expect(200);
    expect(retried.body).toMatchObject({ status: 'cancelled', version: 2 });
  });

  it('should record attendance of a walk-in invited in the same request, but not of an uninvited household', async () => {
    const { url, households, invited } = await scheduledSession();
    const walkIn = households[2].id;
    const record = { status: 'held', heldAt: YESTERDAY_MORNING, minutes: 'Biên bản' };

    const refused = await t.admin
      .patch(url)
      .send({ ...record, attendance: [{ householdId: walkIn, attended: true }] })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'DIALOGUE_ATTENDEE_NOT_INVITED', details: { householdIds: [walkIn] } });

    const accepted = await t.admin
      .patch(url)
      .send({ ...record, householdIds: [...invited, walkIn], attendance: [{ householdId: walkIn, attended: true }] })
      .expect(200);
    expect(accepted.body.householdIds).toHaveLength(3);
    expect(accepted.body.attendance).toEqual([{ householdId: walkIn, attended: true, position: null, note: null }]);
  });

  it('should refuse to mark a session held without minutes or at a time still to come on the clock', async () => {
    const { url } = await scheduledSession();
    await t.admin
      .patch(url)
      .send({ status: 'held', heldAt: YESTERDAY_MORNING })
      .expect(422)
      .expect((r) => expect(r.body.code).toBe('DIALOGUE_MINUTES_REQUIRED'));
    await t.admin
      .patch(url)
      .send({ status: 'held', heldAt: LATER_TODAY, minutes: 'Biên bản' })
      .expect(422)
      .expect((r) => expect(r.body.code).toBe('DIALOGUE_HELD_AT_IN_FUTURE'));

    t.clock.set(new Date('2026-03-10T08:00:00Z'));
    try {
      await t.admin.patch(url).send({ status: 'held', heldAt: LATER_TODAY, minutes: 'Biên bản' }).expect(200);
    } finally {
      t.clock.set(TEST_NOW);
    }
  });

  it('should refuse illegal status moves and replanning a held session', async () => {
    const project = await makeProject(t.dataSource);
    const session = await makeDialogueSession(t.dataSource, project.id, { status: 'held' });
    const url = `/api/v1/dialogue-sessions/${session.id}`;

    for (const [body, code] of [
      [{ status: 'scheduled' }, 'DIALOGUE_STATUS_CHANGE_NOT_ALLOWED'],
      [{ status: 'cancelled', cancelReason: 'Nhầm' }, 'DIALOGUE_STATUS_CHANGE_NOT_ALLOWED'],
      [{ scheduledAt: LATER_TODAY }, 'DIALOGUE_SESSION_NOT_SCHEDULED'],
    ] as const) {
      const response = await t.admin.patch(url).send(body).expect(422);
      expect(response.body).toMatchObject({ code, details: { status: 'held' } });
    }
    const read = await t.admin.get(url).expect(200);
    expect(read.body).toMatchObject({ status: 'held', version: 1 });

    const { url: scheduledUrl } = await scheduledSession();
    await t.admin
      .patch(scheduledUrl)
      .send({ minutes: 'Chưa họp' })
      .expect(422)
      .expect((r) => expect(r.body.code).toBe('DIALOGUE_RECORD_NOT_APPLICABLE'));
  });

  it('should cancel a session with a reason and freeze it', async () => {
    const { url } = await scheduledSession();
    await t.admin
      .patch(url)
      .send({ status: 'cancelled' })
      .expect(422)
      .expect((r) => expect(r.body.code).toBe('DIALOGUE_CANCEL_REASON_REQUIRED'));

    const cancelled = await t.admin
      .patch(url)
      .send({ status: 'cancelled', cancelReason: 'Hoãn do mưa bão' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Hoãn do mưa bão', version: 2 });

    for (const body of [{ status: 'scheduled' }, { location: 'Nơi khác' }, { cancelReason: 'Lý do khác' }]) {
      await t.admin
        .patch(url)
        .send(body)
        .expect(422)
        .expect((r) => expect(r.body.code).toBe('DIALOGUE_SESSION_CANCELLED'));
    }
    const read = await t.admin.get(url).expect(200);
    expect(read.body).toMatchObject({ status: 'cancelled', location: cancelled.body.location, version: 2 });
  });

  it('should replan a scheduled session and replace its invitations', async () => {
    const { url, households, invited } = await scheduledSession();
    const response = await t.admin
      .patch(url)
      .send({
        scheduledAt: '2026-03-25T14:00:00+07:00',
        kind: 'informal',
        agenda: 'Giải đáp đơn giá bồi thường',
        householdIds: [invited[1], households[2].id],
      })
      .expect(200);
    expect(response.body).toMatchObject({
      scheduledAt: '2026-03-25T07:00:00.000Z',
      kind: 'informal',
      agenda: 'Giải đáp đơn giá bồi thường',
      version: 2,
    });
    expect(response.body.householdIds.sort()).toEqual([invited[1], households[2].id].sort());

    const cleared = await t.admin.patch(url).send({ agenda: null }).expect(200);
    expect(cleared.body).toMatchObject({ agenda: null, version: 3 });
  });

  it('should refuse a stale version: 412 with If-Match, 409 with a version field', async () => {
    const { url } = await scheduledSession();
    const first = await t.admin.get(url).expect(200);
    await t.admin
      .patch(url)
      .set('If-Match', first.headers.etag)
      .send({ location: 'Nhà văn hoá tổ dân phố 11' })
      .expect(200);

    const viaHeader = await t.admin
      .patch(url)
      .set('If-Match', first.headers.etag)
      .send({ chair: 'Phó chủ tịch' })
      .expect(412);
    expect(viaHeader.body).toMatchObject({ code: 'STALE_VERSION', details: { expectedVersion: 1, currentVersion: 2 } });
    await t.admin
      .patch(url)
      .send({ chair: 'Phó chủ tịch', version: 1 })
      .expect(409)
      .expect((r) => expect(r.body.code).toBe('STALE_VERSION'));

    const fresh = await t.admin.patch(url).send({ chair: 'Phó chủ tịch', version: 2 }).expect(200);
    expect(fresh.headers.etag).toBe('W/"3"');
    expect(fresh.body).toMatchObject({ chair: 'Phó chủ tịch', location: 'Nhà văn hoá tổ dân phố 11', version: 3 });
  });

  it('should keep Vietnamese text with its diacritics, composed', async () => {
    const project = await makeProject(t.dataSource);
    const household = await makeHousehold(t.dataSource, project.id);
    const location = 'Nhà văn hoá tổ dân phố 9 và 11, số 18 Tam Đa';
    const chair = 'Nguyễn Thị Hằng';
    const created = await t.admin
      .post(`/api/v1/projects/${project.id}/dialogue-sessions`)
      // Phones often send decomposed (NFD) text; it is stored composed so search and equality work.
      .send({
        scheduledAt: YESTERDAY_MORNING,
        location: location.normalize('NFD'),
        kind: 'formal',
        chair,
        agenda: 'Đối thoại về quỹ nhà tái định cư',
        householdIds: [household.id],
      })
      .expect(201);
    const minutes = 'Hộ ông Lê Văn Đức đồng ý bàn giao mặt bằng khi được bố trí tái định cư.';
    await t.admin
      .patch(`/api/v1/dialogue-sessions/${created.body.id}`)
      .send({
        status: 'held',
        heldAt: YESTERDAY_MORNING,
        minutes,
        attendance: [{ householdId: household.id, attended: true, note: 'Ý kiến: cần thêm thời gian' }],
      })
      .expect(200);

    const read = await t.admin.get(`/api/v1/dialogue-sessions/${created.body.id}`).expect(200);
    expect(read.body).toMatchObject({ location, chair, agenda: 'Đối thoại về quỹ nhà tái định cư', minutes });
    expect(read.body.attendance[0].note).toBe('Ý kiến: cần thêm thời gian');
  });
});
