import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { NotFoundError, StaleVersionError } from '../../common/errors/domain-error.js';
import type { ExpectedVersion } from '../../common/http/versioning.js';
import type { Actor } from '../../common/request-context.js';
import type { Role } from '../access/domain/roles.js';
import type { Principal } from '../access/principal.js';
import { projectInScope, type Scope } from '../access/scope.js';
import { LEGAL_LOOKBACK_DAYS, REMINDER_KINDS, reminderKeys } from './domain/reminder-kinds.js';
import {
  type ComplaintDeadlineFacts,
  type DialogueFacts,
  type HandoverDeadlineFacts,
  type LegalDeadlineFacts,
  planComplaintDeadline,
  planDialogueUpcoming,
  planHandoverDeadline,
  planLegalDeadline,
} from './domain/reminder-plans.js';
import { addDays } from '../../common/time/civil-date.js';
import { decideReminderMove, type ReminderAction } from './domain/reminder-status.js';
import type { ListRemindersQuery } from './dto/list-reminders.query.js';
import type { Reminder } from './reminder.entity.js';
import { ReminderMoveRefusedError } from './reminders.errors.js';
import { type CancelSelector, RemindersRepository } from './reminders.repository.js';
import { TransactionHost } from '../../database/transaction-host.js';

export interface ScheduleReminderInput {
  kind: string;
  subjectType: string;
  subjectId: string;
  projectId?: string | null;
  householdId?: string | null;
  /** Defaults to the project's first administrative unit. */
  administrativeUnitId?: string | null;
  assigneeUserId?: string | null;
  assigneeRole?: Role | null;
  title: string;
  details?: Record<string, unknown>;
  dueAt: Date;
  dedupeKey: string;
}

/** Stored reminders: what other modules and the reminder jobs use to make, cancel and fire them. */
@Injectable()
export class RemindersService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly reminders: RemindersRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Makes the reminder a dedupe key names, or moves it while it still waits. One that fired or was
   * closed stays as it is: scheduling is safe to repeat from any job or hook.
   */
  async schedule(input: ScheduleReminderInput): Promise<void> {
    await this.reminders.schedule({
      kind: input.kind,
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      projectId: input.projectId ?? null,
      householdId: input.householdId ?? null,
      administrativeUnitId: input.administrativeUnitId ?? null,
      assigneeUserId: input.assigneeUserId ?? null,
      assigneeRole: input.assigneeRole ?? null,
      title: input.title,
      details: input.details ?? {},
      dueAt: input.dueAt,
      dedupeKey: input.dedupeKey,
    });
  }

  /** Cancels the waiting and open reminders of a key or key prefix (optionally sparing one key). */
  cancel(selector: CancelSelector, reason: string): Promise<number> {
    return this.reminders.cancel(selector, reason, this.clock.now());
  }

  /** Fires every reminder due at `now`, each exactly once however many sweeps run at once. */
  fireDue(now: Date): Promise<Reminder[]> {
    return this.tx.run(() => this.reminders.fireDue(now));
  }

  /**
   * Announces a dialogue session 24 hours ahead. Call it whenever a session is created or changed:
   * a new time replaces the waiting announcement, a held or cancelled session cancels it.
   */
  async scheduleDialogueSession(session: DialogueFacts): Promise<void> {
    const plan = planDialogueUpcoming(session, this.clock.timeZone);
    if (plan) await this.schedule(plan);
    await this.cancel(
      { prefix: reminderKeys.dialogueUpcomingOf(session.id), exceptKey: plan?.dedupeKey },
      session.status === 'scheduled'
        ? 'Buổi đối thoại đã đổi giờ'
        : `Buổi đối thoại đã ${STATUS_WORDS[session.status]}`,
    );
  }

  /**
   * Warns before a complaint deadline and reports it once passed. Call it whenever a deadline is
   * set or extended: a later due day replaces the reminders of the earlier one.
   */
  async scheduleComplaintDeadline(deadline: ComplaintDeadlineFacts): Promise<void> {
    const [approaching, overdue] = planComplaintDeadline(deadline, this.clock.timeZone);
    // Already passed: warning that it approaches would only be noise next to the overdue reminder.
    if (overdue.dueAt.getTime() > this.clock.now().getTime()) await this.schedule(approaching);
    await this.schedule(overdue);
    const reason = 'Hạn khiếu nại đã thay đổi';
    const { complaintId, kind } = deadline;
    await this.cancel(
      { prefix: reminderKeys.complaintApproachingOf(complaintId, kind), exceptKey: approaching.dedupeKey },
      reason,
    );
    await this.cancel(
      { prefix: reminderKeys.complaintOverdueOf(complaintId, kind), exceptKey: overdue.dedupeKey },
      reason,
    );
  }

  /**
   * Brings the complaint reminders in line with the complaints' running deadlines (the sweep
   * passes every open one): new deadlines get their reminders, and those of deadlines no longer
   * running (accepted, extended, resolved, rejected, withdrawn) are cancelled.
   */
  async syncComplaintDeadlines(deadlines: readonly ComplaintDeadlineFacts[]): Promise<void> {
    const now = this.clock.now();
    await this.tx.run(async () => {
      const keep: string[] = [];
      for (const deadline of deadlines) {
        const [approaching, overdue] = planComplaintDeadline(deadline, this.clock.timeZone);
        if (overdue.dueAt.getTime() > now.getTime()) await this.schedule(approaching);
        await this.schedule(overdue);
        keep.push(approaching.dedupeKey, overdue.dedupeKey);
      }
      await this.reminders.cancelKindsExcept(
        [REMINDER_KINDS.complaintDeadlineApproaching, REMINDER_KINDS.complaintOverdue],
        keep,
        'Hạn khiếu nại không còn áp dụng (đã thụ lý, gia hạn hoặc kết thúc)',
        now,
      );
    });
  }

  /** Cancels a complaint's deadline reminders (it was accepted, resolved, rejected or withdrawn). */
  async cancelComplaintDeadlines(
    complaintId: string,
    reason: string,
    kind?: ComplaintDeadlineFacts['kind'],
  ): Promise<number> {
    return (
      (await this.cancel({ prefix: reminderKeys.complaintApproachingOf(complaintId, kind) }, reason)) +
      (await this.cancel({ prefix: reminderKeys.complaintOverdueOf(complaintId, kind) }, reason))
    );
  }

  /**
   * Brings the legal-milestone reminders in line with the deadlines the legal clock derives now
   * (the sweep passes every one): deadlines due from 30 days ago on get their reminders; those no
   * longer derived (a rule switched off or changed, a holiday added) lose theirs. Older deadlines
   * keep what they have but get nothing new.
   */
  async syncLegalDeadlines(deadlines: readonly LegalDeadlineFacts[]): Promise<void> {
    const now = this.clock.now();
    const from = addDays(this.clock.today(), -LEGAL_LOOKBACK_DAYS);
    await this.tx.run(async () => {
      const keep: string[] = [];
      for (const deadline of deadlines) {
        const { approaching, overdue, passedAt } = planLegalDeadline(deadline, this.clock.timeZone);
        keep.push(approaching.dedupeKey);
        if (overdue) keep.push(overdue.dedupeKey);
        if (deadline.dueOn < from) continue;
        // Already passed: warning that it approaches would only be noise.
        if (passedAt.getTime() > now.getTime()) await this.schedule(approaching);
        if (overdue) await this.schedule(overdue);
      }
      await this.reminders.cancelKindsExcept(
        [REMINDER_KINDS.legalDeadlineApproaching, REMINDER_KINDS.legalDeadlineOverdue],
        keep,
        'Mốc pháp lý không còn áp dụng (quy tắc thời hạn hoặc lịch nghỉ đã thay đổi)',
        now,
      );
    });
  }

  /**
   * Warns before the hand-over a complying household owes (LL2024 art. 89(4)) and reports it once
   * passed. Call it in the transaction that records the compliance; it replaces the household's
   * earlier hand-over reminders.
   */
  async scheduleHandoverDeadline(deadline: HandoverDeadlineFacts): Promise<void> {
    const [approaching, overdue] = planHandoverDeadline(deadline, this.clock.timeZone);
    if (overdue.dueAt.getTime() > this.clock.now().getTime()) await this.schedule(approaching);
    await this.schedule(overdue);
    const { householdId } = deadline;
    const reason = 'Hạn bàn giao mặt bằng đã thay đổi';
    await this.cancel(
      { prefix: reminderKeys.handoverOf(householdId, 'approaching'), exceptKey: approaching.dedupeKey },
      reason,
    );
    await this.cancel(
      { prefix: reminderKeys.handoverOf(householdId, 'overdue'), exceptKey: overdue.dedupeKey },
      reason,
    );
  }

  /** Cancels a household's hand-over reminders (the site was handed over). */
  cancelHandoverDeadlines(householdId: string, reason: string): Promise<number> {
    return this.cancel({ prefix: reminderKeys.handoverOf(householdId) }, reason);
  }

  /** Cancels the hand-over reminders of households whose site has been handed over meanwhile. */
  cancelHandoverOfHandedOver(): Promise<number> {
    return this.reminders.cancelKindsOfHandedOver(
      [REMINDER_KINDS.handoverApproaching, REMINDER_KINDS.handoverOverdue],
      'Hộ đã bàn giao mặt bằng',
      this.clock.now(),
    );
  }

  async list(query: ListRemindersQuery, scope: Scope, principal: Principal): Promise<[Reminder[], number]> {
    return this.reminders.list(
      {
        statuses: query.status ?? ['open'],
        kind: query.kind,
        projectId: query.projectId,
        householdId: query.householdId,
        dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
        mine: query.mine
          ? { userId: principal.id, role: principal.type === 'user' ? principal.role : null }
          : undefined,
        limit: query.limit,
        offset: query.offset,
      },
      scope,
    );
  }

  async get(id: string, scope: Scope): Promise<Reminder> {
    const reminder = await this.reminders.findById(id);
    if (!reminder || !reminderInScope(scope, reminder)) throw new NotFoundError('Reminder', id);
    return reminder;
  }

  /** A person acknowledges or closes a reminder; who and when are kept on the reminder. */
  move(
    id: string,
    to: ReminderAction,
    actor: Actor,
    scope: Scope,
    expected: ExpectedVersion | undefined,
  ): Promise<Reminder> {
    return this.tx.run(async () => {
      const reminder = await this.reminders.findByIdForUpdate(id);
      if (!reminder || !reminderInScope(scope, reminder)) throw new NotFoundError('Reminder', id);
      if (expected && expected.version !== reminder.version) {
        throw new StaleVersionError('Reminder', id, expected.version, reminder.version, expected.viaHeader);
      }
      const decision = decideReminderMove(reminder.status, to);
      if (!decision.allowed) {
        throw new ReminderMoveRefusedError(id, decision.code, decision.message, decision.allowedMoves);
      }
      const now = this.clock.now();
      if (to === 'acknowledged') {
        Object.assign(reminder, { status: to, acknowledgedAt: now, acknowledgedBy: actor.id });
      } else {
        // Done without an acknowledgement first: it was acknowledged by being done.
        Object.assign(reminder, {
          status: to,
          doneAt: now,
          doneBy: actor.id,
          acknowledgedAt: reminder.acknowledgedAt ?? now,
          acknowledgedBy: reminder.acknowledgedAt ? reminder.acknowledgedBy : actor.id,
        });
      }
      reminder.version += 1;
      return this.reminders.save(reminder);
    });
  }
}

const STATUS_WORDS: Record<DialogueFacts['status'], string> = {
  scheduled: 'được lên lịch',
  held: 'diễn ra',
  cancelled: 'bị hủy',
};

/**
 * A project's reminders are seen by whoever sees the project; a ward's own (digests) by whoever
 * sees the ward.
 */
export function reminderInScope(scope: Scope, reminder: Pick<Reminder, 'projectId' | 'administrativeUnitId'>): boolean {
  if (scope.all) return true;
  if (reminder.projectId) return projectInScope(scope, reminder.projectId);
  return reminder.administrativeUnitId !== null && scope.unitIds.includes(reminder.administrativeUnitId);
}
