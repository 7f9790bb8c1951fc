import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { assertVersion, NotFoundError } from '../../common/errors/domain-error.js';
import type { Actor } from '../../common/request-context.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { EventBus } from '../../events/event-bus.service.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import type { Principal } from '../access/principal.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import type { RecordLocation, Scope } from '../access/scope.js';
import { ESCALATED_KIND, isOverdueKind, type ReminderPlan } from './domain/reminder-plan.js';
import { decideReminderMove, type ReminderAction } from './domain/reminder-status.js';
import type { ListRemindersQuery } from './dto/list-reminders.query.js';
import type { Reminder } from './reminder.entity.js';
import type { FiredReminder } from './reminders.events.js';
import { ReminderMoveRefusedError } from './reminders.errors.js';
import {
  type CancelSelector,
  RemindersRepository,
  type WardProjects,
  type WardReminderFigures,
} from './reminders.repository.js';

/** Escalations of escalations are not made; three rounds cover what one sweep can cause. */
const FIRING_ROUNDS = 3;

/**
 * The reminder sink: owners store and cancel the reminders they decide (always in their own
 * transaction), the every-minute sweep fires what fell due, and people read, acknowledge and
 * close them. This module reads no other module's data.
 */
@Injectable()
export class RemindersService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly reminders: RemindersRepository,
    private readonly events: EventBus,
    private readonly clock: Clock,
  ) {}

  /**
   * Makes the reminders their dedupe keys name, or moves those that still wait. One that fired or
   * was closed stays as it is: scheduling is safe to repeat from any job or handler.
   */
  async schedule(...plans: ReminderPlan[]): Promise<void> {
    await this.reminders.schedule(lastPerKey(plans));
  }

  /** Makes only the reminders whose key was never used; returns how many it made. */
  scheduleNew(plans: readonly ReminderPlan[]): Promise<number> {
    return this.reminders.schedule(lastPerKey(plans), true);
  }

  /**
   * The reminders under `prefix` (or any of several) become `plans`: those are scheduled (or
   * moved), every other waiting or open one under the prefix but those of `alsoKeep` is cancelled
   * with `reason`.
   */
  async replace(
    prefix: string | readonly string[],
    plans: readonly ReminderPlan[],
    reason: string,
    alsoKeep: readonly string[] = [],
  ): Promise<void> {
    const unique = lastPerKey(plans);
    await this.reminders.schedule(unique);
    const exceptKeys = [...unique.map((plan) => plan.dedupeKey), ...alsoKeep];
    await this.reminders.cancel({ prefix, exceptKeys }, reason, this.clock.now());
  }

  /** Cancels the waiting and open reminders of a key or key prefix (sparing `exceptKeys`). */
  cancel(selector: CancelSelector, reason: string): Promise<number> {
    return this.reminders.cancel(selector, reason, this.clock.now());
  }

  /** True when a reminder was ever made under this key, whatever became of it. */
  exists(dedupeKey: string): Promise<boolean> {
    return this.reminders.existsByKey(dedupeKey);
  }

  /** Open, stale-household and upcoming-dialogue counts per ward, for the morning digest. */
  wardFigures(
    wards: readonly WardProjects[],
    kinds: { digest: string; stale: string; dialogue: string },
  ): Promise<Map<string, WardReminderFigures>> {
    return this.reminders.wardFigures(wards, this.clock.now(), kinds);
  }

  /** Every minute: fires what fell due. Its cost is that of the reminders due, nothing else. */
  @HandlesJob('reminders.sweep')
  async sweep(): Promise<{ fired: number }> {
    return { fired: await this.releaseDue() };
  }

  /**
   * Fires what has fallen due, escalates passed deadlines to the ward chair (and fires those too),
   * and announces the fired reminders, all in one transaction: a reminder fires and is announced
   * together, once, however many sweeps run at once.
   */
  releaseDue(): Promise<number> {
    return this.tx.run(async () => {
      const now = this.clock.now();
      let total = 0;
      for (let round = 0; round < FIRING_ROUNDS; round++) {
        const fired = await this.reminders.fireDue(now);
        if (fired.length === 0) break;
        total += fired.length;
        await this.events.publish('reminders.fired', { reminders: fired.map(toFired) });
        const overdue = fired.filter((reminder) => isOverdueKind(reminder.kind)).map((reminder) => reminder.id);
        if ((await this.reminders.escalate(overdue, ESCALATED_KIND, now)) === 0) break;
      }
      return total;
    });
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

  async get(id: string): Promise<Reminder> {
    const reminder = await this.reminders.findById(id);
    if (!reminder) throw new NotFoundError('Reminder', id);
    return reminder;
  }

  /**
   * Where a reminder lies, for `@InScope('reminder')`: a project's reminders are seen by whoever
   * sees the project, a ward's own (digests) by whoever sees the ward.
   */
  @ResolvesScope('reminder')
  async locate(id: string): Promise<RecordLocation | null> {
    const reminder = await this.reminders.findById(id);
    if (!reminder) return null;
    if (reminder.projectId) return { projectIds: [reminder.projectId] };
    return reminder.administrativeUnitId ? { administrativeUnitId: reminder.administrativeUnitId } : { projectIds: [] };
  }

  /** A person acknowledges or closes a reminder; who and when are kept on the reminder. */
  move(id: string, to: ReminderAction, actor: Actor, expected: number | undefined): Promise<Reminder> {
    return this.tx.run(async () => {
      const reminder = await this.reminders.findByIdForUpdate(id);
      if (!reminder) throw new NotFoundError('Reminder', id);
      assertVersion('Reminder', reminder, expected);
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

/** One statement may not touch a key twice: the last plan for a key wins. */
function lastPerKey(plans: readonly ReminderPlan[]): ReminderPlan[] {
  return [...new Map(plans.map((plan) => [plan.dedupeKey, plan])).values()];
}

function toFired(reminder: Reminder): FiredReminder {
  return {
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
  };
}
