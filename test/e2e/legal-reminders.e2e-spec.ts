import { addDays, atLocalTime } from '../../src/common/time/civil-date.js';
import { RemindersService } from '../../src/modules/reminders/reminders.service.js';
import { Reminder } from '../../src/modules/reminders/reminder.entity.js';
import { makeDialogueSession } from '../factories/dialogue-factories.js';
import { makeHousehold, makeProject } from '../factories/factories.js';
import { makeVisit } from '../factories/visit-factories.js';
import { createTestApp, TEST_NOW, type TestApp } from '../utils/create-test-app.js';

/** Today in these tests starts as Tuesday 2026-03-10, 09:00 in Hanoi. */
describe(`${RemindersService.name} (legal deadlines)`, () => {
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

  const at = (instant: Date) => t.clock.set(instant);
  const justBefore = (instant: Date) => new Date(instant.getTime() - 1000);
  const morningOf = (date: string, days: number) => atLocalTime(addDays(date, days), '08:00', t.clock.timeZone);
  /** Lets the owners' reminder handlers catch up with what happened, then fires what is due. */
  const sweep = async () => {
    await t.jobs.idle();
    return t.jobs.run('reminders.sweep', {});
  };
  const remindersOf = (where: { householdId?: string; kind?: string }) =>
    t.dataSource.getRepository(Reminder).find({ where, order: { createdAt: 'ASC', dueAt: 'ASC' } });
  /** Each reminder of the household by its key (the household id left out), with its status. */
  const statusOf = async (householdId: string, strip: string) =>
    Object.fromEntries(
      (await remindersOf({ householdId })).map((r) => [r.dedupeKey.replaceAll(`${strip}:`, ''), r.status]),
    );

  describe('milestone deadlines', () => {
    async function approvedPlan() {
      const project = await makeProject(t.dataSource);
      const household = await makeHousehold(t.dataSource, project.id, { headName: 'Nguyễn Văn Hùng' });
      const recorded = await t.admin
        .post(`/api/v1/projects/${project.id}/milestones`)
        .send({ kind: 'plan_approved', occurredOn: '2026-03-10', householdId: household.id })
        .expect(201);
      const deadlines = recorded.body.deadlines as { ruleCode: string; type: string; dueOn: string }[];
      const payment = deadlines.find((d) => d.ruleCode === 'compensation.payment')!;
      const decision = deadlines.find((d) => d.ruleCode === 'plan.recovery-decision')!;
      return { project, household, milestoneId: recorded.body.id as string, payment, decision };
    }

    it('should warn before the payment deadline, report it once the morning after and escalate it once', async () => {
      const { household, milestoneId, payment, decision } = await approvedPlan();
      const paymentKey = (what: string) => `legal-${what}:compensation.payment:due:${payment.dueOn}`;

      await sweep();
      expect(await statusOf(household.id, milestoneId)).toEqual({
        [`legal-approaching:plan.recovery-decision:due:${decision.dueOn}`]: 'scheduled',
        [`legal-overdue:plan.recovery-decision:due:${decision.dueOn}`]: 'scheduled',
        [paymentKey('approaching')]: 'scheduled',
        [paymentKey('overdue')]: 'scheduled',
      });
      const [approaching] = await remindersOf({ householdId: household.id, kind: 'legal.deadline-approaching' }).then(
        (all) => all.filter((r) => r.details.ruleCode === 'compensation.payment'),
      );
      expect(approaching).toMatchObject({
        subjectType: 'legal_milestone',
        subjectId: milestoneId,
        assigneeRole: 'officer',
        dueAt: morningOf(payment.dueOn, -3),
        title: expect.stringContaining('Chi trả tiền bồi thường, hỗ trợ'),
      });
      expect(approaching.title).toContain('Điều 94');

      at(justBefore(morningOf(payment.dueOn, -3)));
      await sweep();
      expect((await statusOf(household.id, milestoneId))[paymentKey('approaching')]).toBe('scheduled');
      at(morningOf(payment.dueOn, -3));
      await sweep();
      await sweep();
      expect(await statusOf(household.id, milestoneId)).toMatchObject({
        [paymentKey('approaching')]: 'open',
        [paymentKey('overdue')]: 'scheduled',
      });

      at(justBefore(morningOf(payment.dueOn, 1)));
      await sweep();
      expect((await statusOf(household.id, milestoneId))[paymentKey('overdue')]).toBe('scheduled');
      at(morningOf(payment.dueOn, 1));
      await sweep();
      await sweep();
      expect(await statusOf(household.id, milestoneId)).toMatchObject({
        [paymentKey('overdue')]: 'open',
        [`${paymentKey('overdue')}:escalated`]: 'open',
      });
      const overdue = await remindersOf({ householdId: household.id, kind: 'legal.deadline.overdue' });
      expect(overdue.filter((r) => r.details.ruleCode === 'compensation.payment')).toHaveLength(1);
      const escalations = (await remindersOf({ householdId: household.id, kind: 'deadline.escalated' })).filter(
        (r) => r.details.ruleCode === 'compensation.payment',
      );
      expect(escalations).toHaveLength(1);
      expect(escalations[0]).toMatchObject({
        assigneeRole: 'chair',
        administrativeUnitId: expect.any(String),
        title: expect.stringContaining('Chủ tịch phường'),
      });
      expect(escalations[0].title).toContain('Chi trả tiền bồi thường, hỗ trợ');

      // Later sweeps change nothing: each reminder fired once.
      at(morningOf(payment.dueOn, 5));
      await sweep();
      expect(await remindersOf({ householdId: household.id })).toHaveLength(escalations.length + 5);
    });

    it('should cancel the reminders of a deadline no longer derived, and only announce an earliest day', async () => {
      const project = await makeProject(t.dataSource);
      const household = await makeHousehold(t.dataSource, project.id);
      const recorded = await t.admin
        .post(`/api/v1/projects/${project.id}/milestones`)
        .send({
          kind: 'recovery_notice_sent',
          occurredOn: '2026-03-10',
          householdId: household.id,
          landKind: 'agricultural',
        })
        .expect(201);
      const milestoneId = recorded.body.id as string;
      await sweep();
      const reminders = await remindersOf({ householdId: household.id });
      // A decision "not before" and a notice that expires cannot be missed: announced, never overdue.
      expect(reminders.map((r) => r.kind)).toEqual(['legal.deadline-approaching', 'legal.deadline-approaching']);
      expect(reminders.map((r) => r.details.deadlineType).sort()).toEqual(['earliest', 'expires']);

      // A project-wide milestone (no household) gets its reminders in the project's unit.
      const plan = await t.admin
        .post(`/api/v1/projects/${project.id}/milestones`)
        .send({ kind: 'plan_approved', occurredOn: '2026-03-09' })
        .expect(201);
      await sweep();
      const projectWide = await t.dataSource
        .getRepository(Reminder)
        .find({ where: { subjectId: plan.body.id as string } });
      expect(projectWide).toHaveLength(4);
      expect(projectWide.every((r) => r.householdId === null && r.administrativeUnitId !== null)).toBe(true);

      // Once the legal clock no longer derives the deadlines (a rule switched off), their reminders go.
      const rules = (await t.admin.get('/api/v1/deadline-rules').expect(200)).body.items as Array<{
        id: string;
        code: string;
      }>;
      const used = rules.filter((rule) =>
        ['recovery.decision.agricultural', 'recovery.notice.validity'].includes(rule.code),
      );
      const switchTo = async (active: boolean) => {
        for (const rule of used) await t.admin.patch(`/api/v1/deadline-rules/${rule.id}`).send({ active }).expect(200);
        await t.jobs.idle();
      };
      await switchTo(false);
      try {
        const after = await t.dataSource.getRepository(Reminder).find({ where: { subjectId: milestoneId } });
        expect(after.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
        expect(after[0].cancelReason).toContain('không còn áp dụng');
      } finally {
        await switchTo(true);
      }
      // A cancelled reminder stays closed, whatever is derived later.
      await sweep();
      const again = await t.dataSource.getRepository(Reminder).find({ where: { subjectId: milestoneId } });
      expect(again.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    });

    it('should retire the payment reminders once the payment is recorded', async () => {
      const { project, household, payment } = await approvedPlan();
      await sweep();
      const paymentReminders = async () =>
        (await remindersOf({ householdId: household.id })).filter((r) => r.details.ruleCode === 'compensation.payment');
      expect((await paymentReminders()).map((r) => r.status)).toEqual(['scheduled', 'scheduled']);

      await t.admin
        .post(`/api/v1/projects/${project.id}/milestones`)
        .send({ kind: 'compensation_paid', occurredOn: '2026-03-10', householdId: household.id })
        .expect(201);
      await sweep();
      expect((await paymentReminders()).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);

      // Nothing fires, nor escalates to the chair, once the deadline has passed.
      at(morningOf(payment.dueOn, 1));
      await sweep();
      expect((await paymentReminders()).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
      const open = await remindersOf({ householdId: household.id });
      expect(open.filter((r) => r.status === 'open' && r.details.ruleCode === 'compensation.payment')).toEqual([]);
    });

    it('should make nothing for a deadline passed more than 30 days ago', async () => {
      const project = await makeProject(t.dataSource);
      const household = await makeHousehold(t.dataSource, project.id);
      await t.admin
        .post(`/api/v1/projects/${project.id}/milestones`)
        .send({ kind: 'plan_approved', occurredOn: '2025-12-01', householdId: household.id })
        .expect(201);
      await sweep();
      expect(await remindersOf({ householdId: household.id })).toEqual([]);
    });
  });

  describe('enforcement hand-over', () => {
    async function complied() {
      const project = await makeProject(t.dataSource);
      const household = await makeHousehold(t.dataSource, project.id, {
        status: 'objecting',
        headName: 'Lê Văn Cường',
      });
      const wardVisit = await makeVisit(t.dataSource, household, {
        officers: ['Nguyễn Thị Hoa (tổ công tác phường)'],
        outcome: 'refused',
      });
      const frontVisit = await makeVisit(t.dataSource, household, {
        visitedAt: new Date('2026-03-03T02:00:00Z'),
        officers: ['Phạm Văn Đức (Mặt trận Tổ quốc phường)'],
        outcome: 'refused',
      });
      const dialogue = await makeDialogueSession(t.dataSource, project.id, {
        status: 'held',
        householdIds: [household.id],
      });
      const file = {
        decisionNo: '125/QĐ-UBND',
        decisionIssuedOn: '2026-03-02',
        decisionPostedOn: '2026-03-03',
        delivery: 'refused',
        deliveredOn: '2026-03-04',
        deliveryNote: 'Hộ từ chối nhận quyết định; có sự chứng kiến của tổ trưởng tổ dân phố số 9',
        attestations: [
          { visitId: wardVisit.id, by: 'ward' },
          { visitId: frontVisit.id, by: 'fatherland_front' },
        ],
        dialogueSessionId: dialogue.id,
      };
      const record = await t.admin.post(`/api/v1/households/${household.id}/enforcement`).send(file).expect(201);
      const id = record.body.id as string;
      await t.admin
        .post(`/api/v1/enforcement/${id}/schedule`)
        .send({ scheduledAt: '2026-03-24T08:00:00+07:00' })
        .expect(200);
      const done = await t.admin
        .post(`/api/v1/enforcement/${id}/comply`)
        .send({ compliedOn: '2026-03-10' })
        .expect(200);
      return { project, household, id, dueOn: done.body.handoverDueOn as string, file };
    }

    it('should warn before the hand-over day and report it once the morning after, escalated once', async () => {
      const { household, id, dueOn } = await complied();
      const key = (which: string) => `enforcement-handover:${which}:${id}:${dueOn}`;
      // Made with the compliance itself, before any sweep.
      expect(await statusOf(household.id, household.id)).toEqual({
        [key('approaching')]: 'scheduled',
        [key('overdue')]: 'scheduled',
      });
      const [approaching] = await remindersOf({ householdId: household.id, kind: 'enforcement.handover-approaching' });
      expect(approaching).toMatchObject({
        dueAt: morningOf(dueOn, -3),
        subjectType: 'enforcement_record',
        subjectId: id,
        title: expect.stringContaining('125/QĐ-UBND'),
      });
      expect(approaching.title).toContain('89(4)');

      at(justBefore(morningOf(dueOn, -3)));
      await sweep();
      expect((await statusOf(household.id, household.id))[key('approaching')]).toBe('scheduled');
      at(morningOf(dueOn, -3));
      await sweep();
      expect((await statusOf(household.id, household.id))[key('approaching')]).toBe('open');

      at(justBefore(morningOf(dueOn, 1)));
      await sweep();
      expect((await statusOf(household.id, household.id))[key('overdue')]).toBe('scheduled');
      at(morningOf(dueOn, 1));
      await sweep();
      await sweep();
      expect(await statusOf(household.id, household.id)).toEqual({
        [key('approaching')]: 'open',
        [key('overdue')]: 'open',
        [`${key('overdue')}:escalated`]: 'open',
      });
      const escalations = await remindersOf({ householdId: household.id, kind: 'deadline.escalated' });
      expect(escalations).toHaveLength(1);
      expect(escalations[0]).toMatchObject({
        assigneeRole: 'chair',
        title: expect.stringContaining('Quá hạn bàn giao'),
      });
    });

    it('should drop the hand-over reminders once the household hands over the site', async () => {
      const { household } = await complied();
      at(new Date('2026-03-20T02:00:00Z'));
      await t.admin
        .post(`/api/v1/households/${household.id}/consent`)
        .send({
          status: 'handed_over',
          reason: 'Hộ tự nguyện bàn giao mặt bằng',
          handoverMode: 'voluntary',
          handedOverOn: '2026-03-20',
        })
        .expect((res) => expect([200, 201]).toContain(res.status));
      await sweep();
      const reminders = await remindersOf({ householdId: household.id });
      expect(reminders.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
      expect(reminders[0].cancelReason).toBe('Hộ đã bàn giao mặt bằng');
    });

    it('should cancel the hand-over reminders when a later enforcement records the hand-over', async () => {
      const { household, file } = await complied();
      // The household goes back on its word: a second enforcement, carried out this time.
      at(new Date('2026-03-12T02:00:00Z'));
      await t.admin
        .post(`/api/v1/households/${household.id}/consent`)
        .send({ status: 'objecting', reason: 'Hộ rút lại cam kết bàn giao' })
        .expect((res) => expect([200, 201]).toContain(res.status));
      const second = await t.admin.post(`/api/v1/households/${household.id}/enforcement`).send({
        ...file,
        decisionNo: '131/QĐ-UBND',
        decisionIssuedOn: '2026-03-12',
        decisionPostedOn: '2026-03-12',
        deliveredOn: '2026-03-12',
      });
      expect(second.body).toMatchObject({ status: 'ready' });
      const secondId = second.body.id as string;
      await t.admin
        .post(`/api/v1/enforcement/${secondId}/schedule`)
        .send({ scheduledAt: '2026-03-26T08:00:00+07:00' })
        .expect(200);
      at(new Date('2026-03-26T09:00:00Z'));
      await t.admin.post(`/api/v1/enforcement/${secondId}/execute`).send({ handedOverOn: '2026-03-26' }).expect(200);
      const reminders = await remindersOf({ householdId: household.id });
      expect(reminders.map((r) => [r.kind, r.status])).toEqual([
        ['enforcement.handover-approaching', 'cancelled'],
        ['enforcement.handover.overdue', 'cancelled'],
      ]);
      expect(reminders[0].cancelReason).toBe('Đã bàn giao mặt bằng');
    });
  });
});
