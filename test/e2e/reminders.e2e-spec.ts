import { randomUUID } from 'node:crypto';
import { RemindersController } from '../../src/modules/reminders/reminders.controller.js';
import { addDays, atLocalTime } from '../../src/common/time/civil-date.js';
import { RemindersService } from '../../src/modules/reminders/reminders.service.js';
import { Reminder } from '../../src/modules/reminders/reminder.entity.js';
import { makeHousehold, makeProject, makeUnit } from '../factories/factories.js';
import { createTestApp, TEST_NOW, type TestApp } from '../utils/create-test-app.js';
import { domainEvent } from '../utils/test-jobs.js';
import { WebhookReceiver } from '../utils/webhook-receiver.js';

describe(RemindersController.name, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ worker: true });
  });

  afterAll(async () => {
    await t.close();
  });

  beforeEach(() => {
    t.clock.set(TEST_NOW);
  });

  const at = (iso: string) => t.clock.set(new Date(iso));
  /** Lets the owners' reminder handlers catch up with what happened, then fires what is due. */
  const sweep = async () => {
    await t.jobs.idle();
    return t.jobs.run('reminders.sweep', {});
  };
  const remindersOf = (where: { householdId?: string; projectId?: string; subjectId?: string; kind?: string }) =>
    t.dataSource.getRepository(Reminder).find({ where, order: { createdAt: 'ASC', dueAt: 'ASC' } });
  const service = () => t.app.get(RemindersService);

  async function recordVisit(householdId: string, visitedAt: string, nextFollowUpOn?: string): Promise<string> {
    const response = await t.admin
      .post(`/api/v1/households/${householdId}/visits`)
      .send({ visitedAt, officers: ['Trần Thị Mai'], outcome: 'listened', nextFollowUpOn })
      .expect(201);
    return response.body.id as string;
  }

  describe('follow-up reminders', () => {
    it('should fire once at 08:00 Hanoi time on the follow-up day, not before, and not again', async () => {
      const project = await makeProject(t.dataSource);
      const household = await makeHousehold(t.dataSource, project.id, { headName: 'Nguyễn Văn Hùng' });
      const visitId = await recordVisit(household.id, '2026-03-09T15:30:00+07:00', '2026-03-16');
      await t.jobs.idle();
      // Handling the visit again (the same facts, as a new event) changes nothing.
      const [recorded] = await t.jobs.eventsFor('visits.schedule-follow-up', 'visit.recorded');
      await t.jobs.deliver('visits.schedule-follow-up', { ...recorded, id: randomUUID() });

      const [scheduled, ...more] = await remindersOf({ householdId: household.id });
      expect(more).toEqual([]);
      expect(scheduled).toMatchObject({
        kind: 'visit.follow-up-due',
        status: 'scheduled',
        dueAt: new Date('2026-03-16T01:00:00Z'),
        dedupeKey: `follow-up:${household.id}:${visitId}`,
        title: expect.stringContaining('Nguyễn Văn Hùng'),
        assigneeRole: 'officer',
      });

      at('2026-03-16T00:59:59Z');
      await sweep();
      expect((await remindersOf({ householdId: household.id }))[0].status).toBe('scheduled');

      at('2026-03-16T01:00:00Z');
      await sweep();
      at('2026-03-16T01:05:00Z');
      await sweep();
      const fired = await remindersOf({ householdId: household.id });
      expect(fired).toHaveLength(1);
      expect(fired[0]).toMatchObject({ status: 'open', firedAt: new Date('2026-03-16T01:00:00Z') });
    });

    it('should cancel the older follow-up when a newer visit is recorded, and ignore a late-synced older visit', async () => {
      const project = await makeProject(t.dataSource);
      const household = await makeHousehold(t.dataSource, project.id);
      const first = await recordVisit(household.id, '2026-03-05T09:00:00+07:00', '2026-03-12');
      await t.jobs.idle();
      const second = await recordVisit(household.id, '2026-03-09T09:00:00+07:00', '2026-03-20');
      await t.jobs.idle();
      const older = await recordVisit(household.id, '2026-03-07T09:00:00+07:00', '2026-03-11');
      await t.jobs.idle();
      // The first visit's follow-up handled again, late: the newer visit's reminder stands.
      const events = await t.jobs.eventsFor('visits.schedule-follow-up', 'visit.recorded');
      const firstEvent = events.find((event) => event.payload.visitId === first);
      if (!firstEvent) throw new Error('the first visit raised no event');
      await t.jobs.deliver('visits.schedule-follow-up', { ...firstEvent, id: randomUUID() });

      const reminders = await remindersOf({ householdId: household.id });
      expect(reminders.map((r) => [r.dedupeKey, r.status])).toEqual([
        [`follow-up:${household.id}:${first}`, 'cancelled'],
        [`follow-up:${household.id}:${second}`, 'scheduled'],
      ]);
      expect(reminders[0].cancelReason).toBeTruthy();
      expect(reminders.some((r) => r.dedupeKey.endsWith(older))).toBe(false);

      at('2026-03-12T02:00:00Z');
      await sweep();
      expect((await remindersOf({ householdId: household.id })).filter((r) => r.status === 'open')).toEqual([]);
    });
  });

  describe('firing', () => {
    let receiver: WebhookReceiver;

    beforeAll(async () => {
      receiver = await new WebhookReceiver().start();
    });

    afterAll(async () => {
      // Later tests fire reminders too: nobody should be told of them once the receiver is gone.
      await t.dataSource.query(`UPDATE webhook_subscriptions SET active = false`);
      await receiver.stop();
    });

    it('should fire a reminder once under concurrent sweeps and announce it once to webhook subscribers', async () => {
      const created = await t.admin
        .post('/api/v1/webhooks')
        .send({ url: receiver.url, events: ['reminder.due'], description: 'Cổng nhắc việc của quận' })
        .expect(201);
      receiver.secret = created.body.secret as string;
      const project = await makeProject(t.dataSource);
      const household = await makeHousehold(t.dataSource, project.id);
      await service().schedule({
        kind: 'visit.follow-up-due',
        subjectType: 'household',
        subjectId: household.id,
        projectId: project.id,
        householdId: household.id,
        title: 'Đến hạn thăm lại hộ Đỗ Thị Lan',
        dueAt: new Date('2026-03-10T03:00:00Z'),
        dedupeKey: `test-fire:${household.id}`,
      });

      at('2026-03-10T03:00:00Z');
      await Promise.all([sweep(), sweep(), sweep(), sweep()]);
      await sweep();
      await t.jobs.idle();

      const [reminder, ...more] = await remindersOf({ householdId: household.id });
      expect(more).toEqual([]);
      expect(reminder).toMatchObject({ status: 'open', firedAt: new Date('2026-03-10T03:00:00Z') });
      const announced = receiver.received.filter((r) => r.json.data.reminderId === reminder.id);
      expect(announced).toHaveLength(1);
      expect(announced[0]).toMatchObject({ signatureValid: true, json: { event: 'reminder.due' } });
      expect(announced[0].json.data).toMatchObject({
        kind: 'visit.follow-up-due',
        householdId: household.id,
        title: 'Đến hạn thăm lại hộ Đỗ Thị Lan',
        dueAt: '2026-03-10T03:00:00.000Z',
      });
    });
  });

  describe('stale households', () => {
    it('should find a silent household once per silence', async () => {
      const project = await makeProject(t.dataSource, { staleAfterDays: 14 });
      const household = await makeHousehold(t.dataSource, project.id);
      await recordVisit(household.id, '2026-03-01T10:00:00+07:00');
      await t.jobs.idle();
      const stale = async () =>
        (await remindersOf({ householdId: household.id })).filter((r) => r.kind === 'household.stale');

      at('2026-03-15T02:59:00Z');
      await t.jobs.run('households.find-stale', {});
      expect(await stale()).toEqual([]);

      at('2026-03-16T02:00:00Z');
      await t.jobs.run('households.find-stale', {});
      await t.jobs.run('households.find-stale', {});
      await sweep();
      const [first, ...others] = await stale();
      expect(others).toEqual([]);
      expect(first).toMatchObject({
        status: 'open',
        dueAt: new Date('2026-03-15T03:00:00Z'),
        dedupeKey: `stale:${household.id}:2026-03-01`,
        details: expect.objectContaining({ staleAfterDays: 14 }),
      });

      // Contact ends the silence: the reminder is moot; the next silence is a new reminder.
      await recordVisit(household.id, '2026-03-16T08:30:00+07:00');
      await t.jobs.idle();
      expect((await stale()).map((r) => r.status)).toEqual(['cancelled']);
      at('2026-04-01T02:00:00Z');
      await t.jobs.run('households.find-stale', {});
      await t.jobs.run('households.find-stale', {});
      expect((await stale()).map((r) => [r.dedupeKey, r.status])).toEqual([
        [`stale:${household.id}:2026-03-01`, 'cancelled'],
        [`stale:${household.id}:2026-03-16`, 'open'],
      ]);
    });

    it('should leave archived and handed-over households alone', async () => {
      const project = await makeProject(t.dataSource, { staleAfterDays: 3 });
      const contact = { lastContactAt: new Date('2026-03-01T03:00:00Z') };
      const archived = await makeHousehold(t.dataSource, project.id, {
        ...contact,
        archivedAt: new Date('2026-03-02T03:00:00Z'),
        archiveReason: 'Trùng hồ sơ',
      });
      const handedOver = await makeHousehold(t.dataSource, project.id, { ...contact, status: 'handed_over' });
      const silent = await makeHousehold(t.dataSource, project.id, { ...contact, status: 'objecting' });
      await t.jobs.run('households.find-stale', {});
      expect(await remindersOf({ householdId: archived.id })).toEqual([]);
      expect(await remindersOf({ householdId: handedOver.id })).toEqual([]);
      expect(await remindersOf({ householdId: silent.id })).toHaveLength(1);
    });
  });

  describe('dialogue sessions', () => {
    it('should announce a session once, when it is less than 24 hours away', async () => {
      const project = await makeProject(t.dataSource);
      const session = await t.admin
        .post(`/api/v1/projects/${project.id}/dialogue-sessions`)
        .send({
          scheduledAt: '2026-03-11T15:00:00+07:00',
          location: 'Hội trường UBND phường Phú Thượng',
          kind: 'formal',
          chair: 'Ông Trần Văn Bình, Chủ tịch UBND phường',
          householdIds: [],
        })
        .expect(201);
      const announced = () => remindersOf({ subjectId: session.body.id as string });

      // Scheduled with the session itself, it waits until 24 hours before.
      at('2026-03-10T07:59:00Z');
      await sweep();
      expect((await announced()).map((r) => r.status)).toEqual(['scheduled']);

      at('2026-03-10T08:00:00Z');
      await sweep();
      await sweep();
      const [reminder, ...more] = await announced();
      expect(more).toEqual([]);
      expect(reminder).toMatchObject({
        kind: 'dialogue.upcoming',
        status: 'open',
        projectId: project.id,
        dueAt: new Date('2026-03-10T08:00:00Z'),
        title: 'Buổi đối thoại lúc 15:00 11/03/2026 tại Hội trường UBND phường Phú Thượng',
      });
    });
  });

  describe('complaint deadlines', () => {
    const morningOf = (date: string, days: number) => atLocalTime(addDays(date, days), '08:00', t.clock.timeZone);

    it('should warn before, report once after, follow acceptance and extension, and escalate to the chair', async () => {
      const project = await makeProject(t.dataSource);
      const household = await makeHousehold(t.dataSource, project.id, { headName: 'Trần Thị Bình' });
      const received = await t.admin
        .post(`/api/v1/households/${household.id}/complaints`)
        .send({
          receivedOn: '2026-03-10',
          summary: 'Khiếu nại đơn giá bồi thường đất ở tại Thụy Khuê thấp hơn giá thị trường',
          complainant: 'Trần Thị Bình',
        })
        .expect(201);
      const complaintId = received.body.id as string;
      const acceptDueOn = received.body.acceptDueOn as string;
      const statusOf = async () =>
        Object.fromEntries(
          (await remindersOf({ householdId: household.id })).map((r) => [
            r.dedupeKey.replace(`${complaintId}:`, ''),
            r.status,
          ]),
        );

      await sweep();
      at(new Date(morningOf(acceptDueOn, -3).getTime() - 1000).toISOString());
      await sweep();
      expect(await statusOf()).toEqual({
        [`complaint-approaching:accept:${acceptDueOn}`]: 'scheduled',
        [`complaint-overdue:accept:${acceptDueOn}`]: 'scheduled',
      });
      at(morningOf(acceptDueOn, -3).toISOString());
      await sweep();
      expect((await statusOf())[`complaint-approaching:accept:${acceptDueOn}`]).toBe('open');

      // Accepted in time: the acceptance reminders go, the resolution deadline gets its own.
      const accepted = await t.admin
        .post(`/api/v1/complaints/${complaintId}/accept`)
        .send({ acceptedOn: addDays(acceptDueOn, -3) })
        .expect(200);
      const resolveDueOn = accepted.body.resolveDueOn as string;
      await sweep();
      // A lawful extension is not a breach: the old resolution reminders give way to new ones.
      const extended = await t.admin
        .post(`/api/v1/complaints/${complaintId}/extend`)
        .send({
          newResolveDueOn: addDays(resolveDueOn, 10),
          legalBasis: 'Điều 28 Luật Khiếu nại 2011',
          reason: 'Vụ việc phức tạp, cần xác minh thêm nguồn gốc đất',
        })
        .expect(200);
      const extendedDueOn = extended.body.resolveDueOn as string;
      await sweep();
      expect(await statusOf()).toEqual({
        [`complaint-approaching:accept:${acceptDueOn}`]: 'cancelled',
        [`complaint-overdue:accept:${acceptDueOn}`]: 'cancelled',
        [`complaint-approaching:resolve:${resolveDueOn}`]: 'cancelled',
        [`complaint-overdue:resolve:${resolveDueOn}`]: 'cancelled',
        [`complaint-approaching:resolve:${extendedDueOn}`]: 'scheduled',
        [`complaint-overdue:resolve:${extendedDueOn}`]: 'scheduled',
      });

      at(new Date(morningOf(extendedDueOn, 1).getTime() - 1000).toISOString());
      await sweep();
      expect((await statusOf())[`complaint-overdue:resolve:${extendedDueOn}`]).toBe('scheduled');
      at(morningOf(extendedDueOn, 1).toISOString());
      await sweep();
      await sweep();
      expect(await statusOf()).toMatchObject({
        [`complaint-approaching:resolve:${extendedDueOn}`]: 'open',
        [`complaint-overdue:resolve:${extendedDueOn}`]: 'open',
        [`complaint-overdue:resolve:${extendedDueOn}:escalated`]: 'open',
      });
      const escalations = await remindersOf({ householdId: household.id, kind: 'deadline.escalated' });
      expect(escalations).toHaveLength(1);
      expect(escalations[0]).toMatchObject({
        assigneeRole: 'chair',
        administrativeUnitId: expect.any(String),
        title: expect.stringContaining('Chủ tịch phường'),
      });
    });
  });

  describe('daily digest', () => {
    it('should make one digest per ward and day with its counts', async () => {
      const ward = await makeUnit(t.dataSource, { name: 'Phường Phú Thượng' });
      const project = await makeProject(t.dataSource, { unitIds: [ward.id] });
      await makeHousehold(t.dataSource, project.id, { status: 'persuading', nextFollowUpOn: '2026-03-05' });
      await makeHousehold(t.dataSource, project.id, { status: 'handed_over', nextFollowUpOn: '2026-03-05' });
      const digests = () => remindersOf({ subjectId: ward.id, kind: 'ward.daily-digest' });

      at('2026-03-11T00:00:00Z');
      await t.jobs.run('stats.daily-digest', {});
      await t.jobs.run('stats.daily-digest', {});
      const [digest, ...more] = await digests();
      expect(more).toEqual([]);
      expect(digest).toMatchObject({
        status: 'open',
        administrativeUnitId: ward.id,
        projectId: null,
        assigneeRole: 'chair',
        dedupeKey: `digest:${ward.id}:2026-03-11`,
        details: {
          date: '2026-03-11',
          openReminders: 0,
          overdueFollowUps: 1,
          staleHouseholds: 0,
          upcomingDialogues: 0,
        },
      });

      at('2026-03-12T00:00:00Z');
      await t.jobs.run('stats.daily-digest', {});
      expect((await digests()).map((d) => d.dedupeKey)).toEqual([
        `digest:${ward.id}:2026-03-11`,
        `digest:${ward.id}:2026-03-12`,
      ]);
    });
  });

  describe('consent threshold', () => {
    it('should tell the chair once when the project reaches its threshold', async () => {
      const project = await makeProject(t.dataSource, { consentThreshold: 0.75 });
      for (const status of ['agreed', 'agreed', 'handed_over', 'objecting'] as const) {
        await makeHousehold(t.dataSource, project.id, { status });
      }
      const below = await makeProject(t.dataSource, { consentThreshold: 0.75 });
      for (const status of ['agreed', 'objecting'] as const) await makeHousehold(t.dataSource, below.id, { status });

      // As if a household of each had just moved: the check runs on every move, and tells once.
      const moved = (projectId: string) =>
        domainEvent('household.consent-changed', {
          householdId: randomUUID(),
          householdCode: 'X',
          projectId,
          from: 'persuading',
          to: 'agreed',
          condition: null,
          reason: 'Đồng ý',
          changedAt: TEST_NOW.toISOString(),
          visitId: null,
        });
      await t.jobs.deliver('stats.check-threshold', moved(project.id));
      await t.jobs.deliver('stats.check-threshold', moved(project.id));
      await t.jobs.deliver('stats.check-threshold', moved(below.id));

      const reminders = await remindersOf({ projectId: project.id });
      expect(reminders).toHaveLength(1);
      expect(reminders[0]).toMatchObject({
        kind: 'project.threshold-reached',
        status: 'open',
        assigneeRole: 'chair',
        dedupeKey: `threshold:${project.id}`,
        details: expect.objectContaining({ consentRate: 0.75, consentThreshold: 0.75 }),
      });
      expect(await remindersOf({ projectId: below.id })).toEqual([]);
    });
  });

  describe('GET /reminders and the acknowledge/done actions', () => {
    async function world() {
      const unitA = await makeUnit(t.dataSource, { name: 'Phường Tây Hồ' });
      const unitB = await makeUnit(t.dataSource, { name: 'Phường Ba Đình' });
      const projectA = await makeProject(t.dataSource, { unitIds: [unitA.id] });
      const projectB = await makeProject(t.dataSource, { unitIds: [unitB.id] });
      const householdA = await makeHousehold(t.dataSource, projectA.id);
      const base = { subjectType: 'household', dueAt: new Date('2026-03-10T01:00:00Z') };
      const key = (name: string) => `test:${unitA.id}:${name}`;
      await service().schedule({
        ...base,
        kind: 'visit.follow-up-due',
        subjectId: householdA.id,
        projectId: projectA.id,
        householdId: householdA.id,
        assigneeRole: 'officer',
        title: 'Đến hạn thăm lại hộ Lê Thị Hoa',
        dedupeKey: key('a-officer'),
      });
      await service().schedule({
        ...base,
        kind: 'project.threshold-reached',
        subjectType: 'project',
        subjectId: projectA.id,
        projectId: projectA.id,
        assigneeRole: 'chair',
        title: 'Dự án đạt ngưỡng đồng thuận',
        dedupeKey: key('a-chair'),
      });
      await service().schedule({
        ...base,
        kind: 'visit.follow-up-due',
        subjectId: projectB.id,
        projectId: projectB.id,
        assigneeRole: 'officer',
        title: 'Nhắc việc phường Ba Đình',
        dedupeKey: key('b-officer'),
      });
      await service().schedule({
        ...base,
        kind: 'ward.daily-digest',
        subjectType: 'administrative_unit',
        subjectId: unitA.id,
        administrativeUnitId: unitA.id,
        assigneeRole: 'chair',
        title: 'Tổng hợp nhắc việc phường Tây Hồ',
        dedupeKey: key('a-digest'),
      });
      await service().schedule({
        ...base,
        kind: 'visit.follow-up-due',
        subjectId: householdA.id,
        projectId: projectA.id,
        householdId: householdA.id,
        title: 'Chưa đến hạn',
        dueAt: new Date('2026-04-01T01:00:00Z'),
        dedupeKey: key('a-later'),
      });
      await sweep();
      const byKey = async (name: string) =>
        (await t.dataSource.getRepository(Reminder).findOneByOrFail({ dedupeKey: key(name) })).id;
      return {
        unitA,
        unitB,
        projectA,
        projectB,
        householdA,
        ids: {
          aOfficer: await byKey('a-officer'),
          aChair: await byKey('a-chair'),
          bOfficer: await byKey('b-officer'),
          aDigest: await byKey('a-digest'),
          aLater: await byKey('a-later'),
        },
      };
    }

    it('should list only reminders in the caller’s scope, open by default', async () => {
      const w = await world();
      const officer = await t.as('officer', [w.unitA.id], 'Phạm Văn Tuấn');
      const listed = await officer.api.get('/api/v1/reminders').query({ limit: 200 }).expect(200);
      const ids = listed.body.items.map((r: { id: string }) => r.id);
      expect(ids).toEqual(expect.arrayContaining([w.ids.aOfficer, w.ids.aChair, w.ids.aDigest]));
      expect(ids).not.toContain(w.ids.bOfficer);
      expect(ids).not.toContain(w.ids.aLater);
      expect(listed.body.items.every((r: { status: string }) => r.status === 'open')).toBe(true);

      const scheduled = await officer.api
        .get('/api/v1/reminders')
        .query({ status: 'scheduled', householdId: w.householdA.id })
        .expect(200);
      expect(scheduled.body).toMatchObject({ total: 1, items: [{ id: w.ids.aLater, status: 'scheduled' }] });

      const ofB = await officer.api.get('/api/v1/reminders').query({ projectId: w.projectB.id }).expect(200);
      expect(ofB.body.total).toBe(0);
    });

    it('should filter by kind, due date and what is mine', async () => {
      const w = await world();
      const officer = await t.as('officer', [w.unitA.id]);
      const chair = await t.as('chair', [w.unitA.id]);
      const mine = async (user: typeof officer) =>
        (
          await user.api.get('/api/v1/reminders').query({ mine: 'true', projectId: w.projectA.id }).expect(200)
        ).body.items.map((r: { id: string }) => r.id);
      expect(await mine(officer)).toEqual([w.ids.aOfficer]);
      expect(await mine(chair)).toEqual([w.ids.aChair]);

      const digests = await chair.api
        .get('/api/v1/reminders')
        .query({ kind: 'ward.daily-digest', mine: true })
        .expect(200);
      expect(digests.body.items.map((r: { id: string }) => r.id)).toContain(w.ids.aDigest);

      const early = await officer.api
        .get('/api/v1/reminders')
        .query({ projectId: w.projectA.id, dueBefore: '2026-03-10T08:00:00+07:00' })
        .expect(200);
      expect(early.body.total).toBe(0);
    });

    it('should acknowledge then close a reminder, recording who and when, and refuse illegal moves', async () => {
      const w = await world();
      const officer = await t.as('officer', [w.unitA.id], 'Phạm Văn Tuấn');
      at('2026-03-10T03:00:00Z');
      const acknowledged = await officer.api.post(`/api/v1/reminders/${w.ids.aOfficer}/acknowledge`).expect(200);
      expect(acknowledged.body).toMatchObject({
        status: 'acknowledged',
        acknowledgedBy: officer.id,
        acknowledgedAt: '2026-03-10T03:00:00.000Z',
      });
      const again = await officer.api.post(`/api/v1/reminders/${w.ids.aOfficer}/acknowledge`).expect(422);
      expect(again.body.code).toBe('REMINDER_CLOSED');

      await officer.api.post(`/api/v1/reminders/${w.ids.aOfficer}/done`).set('If-Match', 'W/"1"').expect(412);
      at('2026-03-10T04:00:00Z');
      const done = await officer.api
        .post(`/api/v1/reminders/${w.ids.aOfficer}/done`)
        .set('If-Match', acknowledged.headers.etag)
        .expect(200);
      expect(done.body).toMatchObject({ status: 'done', doneBy: officer.id, doneAt: '2026-03-10T04:00:00.000Z' });
      await officer.api.post(`/api/v1/reminders/${w.ids.aOfficer}/done`).expect(422);

      const notDue = await officer.api.post(`/api/v1/reminders/${w.ids.aLater}/done`).expect(422);
      expect(notDue.body.code).toBe('REMINDER_NOT_DUE');
    });

    it('should answer 404 for reminders out of scope, 403 without the permission, 400 for bad input', async () => {
      const w = await world();
      const officerA = await t.as('officer', [w.unitA.id]);
      const officerB = await t.as('officer', [w.unitB.id]);
      const supervisor = await t.as('supervisor', [w.unitA.id]);
      await officerA.api.post(`/api/v1/reminders/${w.ids.bOfficer}/acknowledge`).expect(404);
      await officerB.api.post(`/api/v1/reminders/${w.ids.aDigest}/done`).expect(404);
      await officerB.api.get(`/api/v1/reminders/${w.ids.aOfficer}`).expect(404);
      await officerA.api.post('/api/v1/reminders/7a1e2f3c-0000-4000-8000-000000000000/done').expect(404);
      await supervisor.api.post(`/api/v1/reminders/${w.ids.aOfficer}/acknowledge`).expect(403);
      await supervisor.api.get(`/api/v1/reminders/${w.ids.aOfficer}`).expect(200);

      const bad = await officerA.api
        .get('/api/v1/reminders')
        .query({ status: 'open,finished', projectId: 'nope', dueBefore: '2026-03-10' })
        .expect(400);
      expect(Object.keys(bad.body.details.fields as object).sort()).toEqual(['dueBefore', 'projectId', 'status']);
      await officerA.api.post('/api/v1/reminders/not-a-uuid/done').expect(400);
      for (const status of ['', ',']) {
        const empty = await officerA.api.get('/api/v1/reminders').query({ status }).expect(400);
        expect(empty.body.details.fields.status).toBeDefined();
      }
    });
  });
});
