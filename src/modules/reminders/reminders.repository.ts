import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { escapeLike } from '../../database/sql.js';
import { TransactionHost } from '../../database/transaction-host.js';
import type { Role } from '../access/domain/roles.js';
import type { Scope } from '../access/scope.js';
import type { ReminderPlan } from './domain/reminder-plan.js';
import { CANCELLABLE_STATUSES, type ReminderStatus } from './domain/reminder-status.js';
import { Reminder } from './reminder.entity.js';

export interface CancelSelector {
  key?: string;
  /** One key prefix, or several (any of them). */
  prefix?: string | readonly string[];
  /** Spares these keys among those the prefix matches (the reminders that replace the others). */
  exceptKeys?: readonly string[];
}

export interface ReminderFilter {
  statuses: ReminderStatus[];
  kind?: string;
  projectId?: string;
  householdId?: string;
  dueBefore?: Date;
  /** Assigned to this user, or to their role in the projects and wards they see. */
  mine?: { userId: string; role: Role | null };
  limit: number;
  offset: number;
}

/** A ward and the projects lying in it, for the figures of its daily digest. */
export interface WardProjects {
  unitId: string;
  projectIds: readonly string[];
}

export interface WardReminderFigures {
  openReminders: number;
  staleHouseholds: number;
  upcomingDialogues: number;
}

const FIRE_BATCH = 500;

const COLUMNS = [
  'kind',
  'subject_type',
  'subject_id',
  'project_id',
  'household_id',
  'administrative_unit_id',
  'assignee_user_id',
  'assignee_role',
  'title',
  'details',
  'due_at',
  'dedupe_key',
];
const TYPES = [
  'varchar',
  'varchar',
  'uuid',
  'uuid',
  'uuid',
  'uuid',
  'uuid',
  'varchar',
  'text',
  'jsonb',
  'timestamptz',
  'varchar',
];

@Injectable()
export class RemindersRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  /**
   * Inserts the reminders, in one statement, or moves still-waiting ones with the same key. A reminder
   * that fired or was closed is never brought back: the fact it names has been dealt with. With
   * `onlyNew`, existing keys are left exactly as they are. Returns how many rows were written.
   */
  async schedule(plans: readonly ReminderPlan[], onlyNew = false): Promise<number> {
    if (plans.length === 0) return 0;
    const values: unknown[][] = [
      plans.map((p) => p.kind),
      plans.map((p) => p.subjectType),
      plans.map((p) => p.subjectId),
      plans.map((p) => p.projectId ?? null),
      plans.map((p) => p.householdId ?? null),
      plans.map((p) => p.administrativeUnitId ?? null),
      plans.map((p) => p.assigneeUserId ?? null),
      plans.map((p) => p.assigneeRole ?? null),
      plans.map((p) => p.title),
      plans.map((p) => JSON.stringify(p.details ?? {})),
      plans.map((p) => p.dueAt),
      plans.map((p) => p.dedupeKey),
    ];
    const onConflict = onlyNew
      ? 'DO NOTHING'
      : `DO UPDATE
         SET due_at = EXCLUDED.due_at, title = EXCLUDED.title, details = EXCLUDED.details,
             version = reminders.version + 1, updated_at = now()
         WHERE reminders.status = 'scheduled'
           AND (reminders.due_at, reminders.title, reminders.details)
               IS DISTINCT FROM (EXCLUDED.due_at, EXCLUDED.title, EXCLUDED.details)`;
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO reminders (${COLUMNS.join(', ')})
       SELECT * FROM unnest(${TYPES.map((type, i) => `$${i + 1}::${type}[]`).join(', ')})
       ON CONFLICT (dedupe_key) ${onConflict}
       RETURNING id`,
      values,
    );
    return rows.length;
  }

  /** Cancels the waiting or open reminders a key or key prefix names; returns how many. */
  async cancel(selector: CancelSelector, reason: string, now: Date): Promise<number> {
    const conditions: string[] = [];
    const params: unknown[] = [now, reason, CANCELLABLE_STATUSES];
    if (selector.key !== undefined) {
      params.push(selector.key);
      conditions.push(`dedupe_key = $${params.length}`);
    }
    if (selector.prefix !== undefined) {
      // One LIKE per prefix (not LIKE ANY): each can use the key-prefix index.
      const prefixes = typeof selector.prefix === 'string' ? [selector.prefix] : selector.prefix;
      const likes = prefixes.map((prefix) => {
        params.push(`${escapeLike(prefix)}%`);
        return `dedupe_key LIKE $${params.length}`;
      });
      conditions.push(`(${likes.join(' OR ')})`);
    }
    if (conditions.length === 0) return 0;
    if (selector.exceptKeys?.length) {
      params.push(selector.exceptKeys);
      conditions.push(`NOT (dedupe_key = ANY($${params.length}))`);
    }
    const rows: { id: string }[] = rowsOf(
      await this.manager.query(
        `UPDATE reminders
         SET status = 'cancelled', cancelled_at = $1, cancel_reason = $2, version = version + 1, updated_at = now()
         WHERE status = ANY($3) AND ${conditions.join(' AND ')}
         RETURNING id`,
        params,
      ),
    );
    return rows.length;
  }

  /**
   * Fires what has fallen due. The rows are claimed and updated in one statement that re-checks
   * `status = 'scheduled'`: two sweeps at once each fire different reminders, never the same one.
   * Served by the partial index on due reminders: the cost is that of what falls due.
   */
  async fireDue(now: Date): Promise<Reminder[]> {
    const fired: string[] = [];
    for (;;) {
      const rows: { id: string }[] = rowsOf(
        await this.manager.query(
          `UPDATE reminders
           SET status = 'open', fired_at = $1, version = version + 1, updated_at = now()
           WHERE id IN (SELECT id FROM reminders WHERE status = 'scheduled' AND due_at <= $1
                        ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
             AND status = 'scheduled'
           RETURNING id`,
          [now, FIRE_BATCH],
        ),
      );
      const ids = rows.map((row) => row.id);
      fired.push(...ids);
      if (ids.length < FIRE_BATCH) break;
    }
    if (fired.length === 0) return [];
    return this.manager.find(Reminder, { where: { id: In(fired) }, order: { dueAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Escalates passed deadlines to the ward chair: one reminder per escalated one (its key plus
   * `:escalated`), due now, in the unit of the original.
   */
  async escalate(reminderIds: readonly string[], kind: string, now: Date): Promise<number> {
    if (reminderIds.length === 0) return 0;
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO reminders (kind, subject_type, subject_id, project_id, household_id, administrative_unit_id,
                              assignee_role, title, details, due_at, dedupe_key)
       SELECT $1, r.subject_type, r.subject_id, r.project_id, r.household_id, r.administrative_unit_id, 'chair',
              'Quá hạn, báo cáo Chủ tịch phường: ' || r.title,
              r.details || jsonb_build_object('escalatedFrom', r.id, 'escalatedKind', r.kind, 'deadlineAt', r.due_at),
              $2, r.dedupe_key || ':escalated'
       FROM reminders r
       WHERE r.id = ANY($3::uuid[])
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [kind, now, reminderIds],
    );
    return rows.length;
  }

  /** `exists` in any status: a key once used is never used again. */
  existsByKey(dedupeKey: string): Promise<boolean> {
    return this.manager.existsBy(Reminder, { dedupeKey });
  }

  findById(id: string): Promise<Reminder | null> {
    return this.manager.findOneBy(Reminder, { id });
  }

  findByIdForUpdate(id: string): Promise<Reminder | null> {
    return this.manager.findOne(Reminder, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  save(reminder: Reminder): Promise<Reminder> {
    return this.manager.save(Reminder, reminder);
  }

  async list(filter: ReminderFilter, scope: Scope): Promise<[Reminder[], number]> {
    const builder = this.manager
      .createQueryBuilder(Reminder, 'reminder')
      .where('reminder.status IN (:...statuses)', { statuses: filter.statuses });
    if (!scope.all) {
      builder.andWhere(
        `(reminder.project_id = ANY(CAST(:scopeProjects AS uuid[]))
          OR (reminder.project_id IS NULL AND reminder.administrative_unit_id = ANY(CAST(:scopeUnits AS uuid[]))))`,
        { scopeProjects: scope.projectIds, scopeUnits: scope.unitIds },
      );
    }
    if (filter.kind) builder.andWhere('reminder.kind = :kind', { kind: filter.kind });
    if (filter.projectId) builder.andWhere('reminder.project_id = :projectId', { projectId: filter.projectId });
    if (filter.householdId) {
      builder.andWhere('reminder.household_id = :householdId', { householdId: filter.householdId });
    }
    if (filter.dueBefore) builder.andWhere('reminder.due_at < :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.mine) {
      // Beyond what is assigned to me by name: what is assigned to my role (or to nobody), among
      // the reminders of the projects and wards I see (the scope condition above).
      builder.andWhere(
        `(reminder.assignee_user_id = :me
          OR (reminder.assignee_user_id IS NULL AND CAST(:myRole AS varchar) IS NOT NULL
              AND COALESCE(reminder.assignee_role, :myRole) = :myRole))`,
        { me: filter.mine.userId, myRole: filter.mine.role },
      );
    }
    return builder
      .orderBy('reminder.due_at', 'ASC')
      .addOrderBy('reminder.id', 'ASC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
  }

  /**
   * For each ward, in one statement: open reminders of its projects and its own (digests aside),
   * households with an unresolved reminder of `staleKind`, and sessions announced by `dialogueKind`
   * reminders starting within 24 hours of `now`.
   */
  async wardFigures(
    wards: readonly WardProjects[],
    now: Date,
    kinds: { digest: string; stale: string; dialogue: string },
  ): Promise<Map<string, WardReminderFigures>> {
    if (wards.length === 0) return new Map();
    const rows: Array<{ unit_id: string } & Record<'open' | 'stale' | 'dialogues', number>> = await this.manager.query(
      `WITH ward_projects AS (
         SELECT w.unit_id, unnest(w.project_ids) AS project_id
         FROM jsonb_to_recordset($1::jsonb) AS w(unit_id uuid, project_ids uuid[])
       ),
       units AS (SELECT DISTINCT unit_id FROM jsonb_to_recordset($1::jsonb) AS w(unit_id uuid))
       SELECT u.unit_id,
         (SELECT count(*) FROM reminders r
          WHERE r.status = 'open' AND r.kind <> $3
            AND (r.project_id IN (SELECT wp.project_id FROM ward_projects wp WHERE wp.unit_id = u.unit_id)
                 OR (r.project_id IS NULL AND r.administrative_unit_id = u.unit_id)))::int AS open,
         (SELECT count(DISTINCT r.household_id) FROM reminders r
          WHERE r.kind = $4 AND r.status IN ('open', 'acknowledged')
            AND r.project_id IN (SELECT wp.project_id FROM ward_projects wp WHERE wp.unit_id = u.unit_id))::int AS stale,
         (SELECT count(DISTINCT r.subject_id) FROM reminders r
          WHERE r.kind = $5 AND r.status IN ('scheduled', 'open', 'acknowledged')
            AND (r.details->>'scheduledAt')::timestamptz >= $2
            AND (r.details->>'scheduledAt')::timestamptz < $2 + interval '24 hours'
            AND r.project_id IN (SELECT wp.project_id FROM ward_projects wp WHERE wp.unit_id = u.unit_id))::int
           AS dialogues
       FROM units u`,
      [
        JSON.stringify(wards.map((w) => ({ unit_id: w.unitId, project_ids: w.projectIds }))),
        now,
        kinds.digest,
        kinds.stale,
        kinds.dialogue,
      ],
    );
    return new Map(
      rows.map((row) => [
        row.unit_id,
        { openReminders: row.open, staleHouseholds: row.stale, upcomingDialogues: row.dialogues },
      ]),
    );
  }
}

/** `query` answers an UPDATE … RETURNING with [rows, count] and an INSERT … RETURNING with rows. */
function rowsOf<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result as [T[], number])[0] : (result as T[]);
}
