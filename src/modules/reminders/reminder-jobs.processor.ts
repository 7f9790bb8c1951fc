import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { toLocalDate } from '../../common/time/civil-date.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { ComplaintsService } from '../complaints/complaints.service.js';
import { DialoguesService } from '../dialogues/dialogues.service.js';
import { MilestonesService } from '../legal-clock/milestones/milestones.service.js';
import { StatsService } from '../stats/stats.service.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import { DIALOGUE_NOTICE_MS, isOverdueKind, REMINDER_KINDS, reminderKeys } from './domain/reminder-kinds.js';
import { planFollowUp } from './domain/reminder-plans.js';
import type { Reminder } from './reminder.entity.js';
import { RemindersRepository } from './reminders.repository.js';
import { RemindersService } from './reminders.service.js';
import { TransactionHost } from '../../database/transaction-host.js';

/**
 * The jobs that make reminders and fire them. Each one re-reads the world and relies on dedupe
 * keys and conditional updates, so running it twice (a retry, two workers) changes nothing more.
 */
@Injectable()
export class ReminderJobs {
  constructor(
    private readonly tx: TransactionHost,
    private readonly reminders: RemindersService,
    private readonly repository: RemindersRepository,
    private readonly dialogues: DialoguesService,
    private readonly complaints: ComplaintsService,
    private readonly milestones: MilestonesService,
    private readonly stats: StatsService,
    private readonly webhooks: WebhooksService,
    private readonly clock: Clock,
  ) {}

  /**
   * Every minute: announces dialogue sessions of the next 24 hours, follows the complaints' running
   * deadlines and the legal milestones' deadlines, drops the hand-over reminders of households that
   * have handed over, then fires what fell due.
   */
  @HandlesJob('reminders.sweep')
  async sweep(): Promise<{ fired: number }> {
    const now = this.clock.now();
    await this.announceUpcomingDialogues(now);
    await this.reminders.syncComplaintDeadlines(await this.complaints.openDeadlines());
    // Every derived deadline, not only recent ones: the sync keeps the reminders of older ones.
    await this.reminders.syncLegalDeadlines(await this.milestones.deadlines());
    await this.reminders.cancelHandoverOfHandedOver();
    return { fired: await this.releaseDue(now) };
  }

  /**
   * After a visit: its follow-up reminder replaces the household's others, and a stale reminder
   * is moot once someone has been there. A visit older than the household's last contact (a phone
   * syncing late) changes nothing.
   */
  @HandlesJob('reminders.follow-up')
  async followUp({ visitId }: JobPayloads['reminders.follow-up']): Promise<{ scheduled: boolean }> {
    const scheduled = await this.tx.run(async () => {
      const contact = await this.repository.visitContact(visitId);
      if (!contact) return false;
      await this.repository.lockHousehold(contact.householdId);
      // Read again under the lock: a newer visit's job may have just finished.
      const facts = await this.repository.visitContact(visitId);
      if (!facts) return false;
      const decision = planFollowUp({ ...facts, handedOver: facts.status === 'handed_over' }, this.clock.timeZone);
      if (decision.action === 'ignore') return false;
      if (decision.plan) await this.reminders.schedule(decision.plan);
      await this.reminders.cancel(
        { prefix: reminderKeys.followUpsOf(facts.householdId), exceptKey: decision.plan?.dedupeKey },
        'Đã có lần thăm hộ mới hơn',
      );
      const visitDay = toLocalDate(facts.visitedAt, this.clock.timeZone);
      await this.reminders.cancel(
        {
          prefix: reminderKeys.staleOf(facts.householdId),
          exceptKey: `${reminderKeys.staleOf(facts.householdId)}${visitDay}`,
        },
        'Hộ đã được tiếp xúc lại',
      );
      return decision.plan !== null;
    });
    await this.releaseDue(this.clock.now());
    return { scheduled };
  }

  /** Daily: one reminder per silence longer than the household's project allows. */
  @HandlesJob('reminders.find-stale-households')
  async findStaleHouseholds(): Promise<{ created: number; fired: number }> {
    const now = this.clock.now();
    const created = await this.repository.createStaleReminders(now, this.clock.timeZone, REMINDER_KINDS.householdStale);
    return { created, fired: await this.releaseDue(now) };
  }

  /** Daily at 07:00 Hanoi time: one digest per ward, at most one per ward and day. */
  @HandlesJob('reminders.daily-digest')
  async dailyDigest(): Promise<{ created: number; fired: number }> {
    const now = this.clock.now();
    const created = await this.repository.createDigests(now, this.clock.today(), {
      digest: REMINDER_KINDS.dailyDigest,
      stale: REMINDER_KINDS.householdStale,
      dialogue: REMINDER_KINDS.dialogueUpcoming,
    });
    return { created, fired: await this.releaseDue(now) };
  }

  /** After a consent move: tells the chair, once per project, that the consent threshold is reached. */
  @HandlesJob('projects.check-threshold')
  async checkThreshold({ projectId }: JobPayloads['projects.check-threshold']): Promise<{ reached: boolean }> {
    const stats = await this.stats.forProject(projectId).catch((error: unknown) => {
      if (error instanceof NotFoundError) return null;
      throw error;
    });
    if (!stats?.thresholdReached) return { reached: false };
    const dedupeKey = reminderKeys.threshold(projectId);
    if (await this.repository.existsByKey(dedupeKey)) return { reached: true };
    const now = this.clock.now();
    await this.reminders.schedule({
      kind: REMINDER_KINDS.thresholdReached,
      subjectType: 'project',
      subjectId: projectId,
      projectId,
      assigneeRole: 'chair',
      title: `Dự án ${stats.name} đạt ngưỡng đồng thuận ${percent(stats.consentThreshold)} (hiện ${percent(stats.consentRate)})`,
      details: {
        consentRate: stats.consentRate,
        consentThreshold: stats.consentThreshold,
        consentedHouseholds: stats.households.consented,
        totalHouseholds: stats.households.total,
        areaConsentRate: stats.area.consentRate,
      },
      dueAt: now,
      dedupeKey,
    });
    await this.releaseDue(now);
    return { reached: true };
  }

  /**
   * Fires what has fallen due, escalates passed deadlines to the ward chair (and fires those too),
   * and announces each fired reminder to webhook subscribers, all in one transaction: a reminder
   * fires and is announced together, once.
   */
  private releaseDue(now: Date): Promise<number> {
    return this.tx.run(async () => {
      let total = 0;
      for (let round = 0; round < 3; round++) {
        const fired = await this.reminders.fireDue(now);
        if (fired.length === 0) break;
        total += fired.length;
        for (const reminder of fired) await this.announce(reminder);
        const overdue = fired.filter((reminder) => isOverdueKind(reminder.kind)).map((reminder) => reminder.id);
        if ((await this.repository.escalate(overdue, REMINDER_KINDS.escalated, now)) === 0) break;
      }
      return total;
    });
  }

  private async announce(reminder: Reminder): Promise<void> {
    await this.webhooks.emit('reminder.due', {
      reminderId: reminder.id,
      kind: reminder.kind,
      title: reminder.title,
      subjectType: reminder.subjectType,
      subjectId: reminder.subjectId,
      projectId: reminder.projectId,
      householdId: reminder.householdId,
      administrativeUnitId: reminder.administrativeUnitId,
      assigneeRole: reminder.assigneeRole,
      dueAt: reminder.dueAt.toISOString(),
      firedAt: reminder.firedAt?.toISOString() ?? null,
      details: reminder.details,
    });
    if (reminder.kind === REMINDER_KINDS.complaintOverdue) {
      await this.webhooks.emit('complaint.overdue', {
        complaintId: reminder.subjectId,
        projectId: reminder.projectId,
        householdId: reminder.householdId,
        deadline: reminder.details.deadline ?? null,
        dueOn: reminder.details.dueOn ?? null,
      });
    }
  }

  /**
   * Sessions of active projects within the next 24 hours, in one query; each is announced with
   * the same call the dialogue hooks make, so a session the hooks missed is still announced.
   */
  private async announceUpcomingDialogues(now: Date): Promise<void> {
    // The end is exclusive: a session exactly 24 hours away is announced now, when its reminder falls due.
    const until = new Date(now.getTime() + DIALOGUE_NOTICE_MS + 1);
    const projectIds = await this.repository.activeProjectIds();
    for (const session of await this.dialogues.scheduledBetween(projectIds, now, until)) {
      await this.reminders.scheduleDialogueSession(session);
    }
  }
}

function percent(rate: number): string {
  return `${(Math.round(rate * 1000) / 10).toLocaleString('vi-VN')}%`;
}
