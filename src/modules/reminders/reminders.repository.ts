import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { escapeLike } from '../../database/sql.js';
import type { Role } from '../access/domain/roles.js';
import type { Scope } from '../access/scope.js';
import { CANCELLABLE_STATUSES, type ReminderStatus } from './domain/reminder-status.js';
import { Reminder } from './reminder.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';

export interface ScheduleRow {
  kind: string;
  subjectType: string;
  subjectId: string;
  projectId: string | null;
  householdId: string | null;
  administrativeUnitId: string | null;
  assigneeUserId: string | null;
  assigneeRole: Role | null;
  title: string;
  details: Record<string, unknown>;
  dueAt: Date;
  dedupeKey: string;
}

export interface CancelSelector {
  key?: string;
  prefix?: string;
  /** Spares this key among those the prefix matches (the reminder that replaces the others). */
  exceptKey?: string;
}

export interface ReminderFilter {
  statuses: ReminderStatus[];
  kind?: string;
  projectId?: string;
  householdId?: string;
  dueBefore?: Date;
  /** Assigned to this user, or to their role in the units they see. */
  mine?: { userId: string; role: Role | null };
  limit: number;
  offset: number;
}

/** A visit and its household, as the follow-up job needs them. */
export interface VisitContactRow {
  visitId: string;
  householdId: string;
  projectId: string;
  visitedAt: Date;
  nextFollowUpOn: string | null;
  createdBy: string;
  lastContactAt: Date | null;
  archived: boolean;
  status: string;
  code: string;
  headName: string;
}

/** The unit a project's unit-assigned reminders go to: its first unit by code, deterministically. */
const FIRST_UNITS = `
  SELECT DISTINCT ON (pau.project_id) pau.project_id, pau.administrative_unit_id
  FROM project_administrative_units pau
  JOIN administrative_units au ON au.id = pau.administrative_unit_id
  ORDER BY pau.project_id, au.code, au.id`;

const FIRE_BATCH = 500;

@Injectable()
export class RemindersRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  /**
   * Inserts the reminder, or moves a still-waiting one with the same key. A reminder that fired or
   * was closed is never brought back: the fact it names has been dealt with.
   */
  async schedule(row: ScheduleRow): Promise<void> {
    await this.manager.query(
      `INSERT INTO reminders (kind, subject_type, subject_id, project_id, household_id, administrative_unit_id,
                              assignee_user_id, assignee_role, title, details, due_at, dedupe_key)
       VALUES ($1, $2, $3, $4, $5,
               COALESCE($6, (SELECT fu.administrative_unit_id FROM (${FIRST_UNITS}) fu WHERE fu.project_id = $4)),
               $7, $8, $9, $10, $11, $12)
       ON CONFLICT (dedupe_key) DO UPDATE
         SET due_at = EXCLUDED.due_at, title = EXCLUDED.title, details = EXCLUDED.details,
             version = reminders.version + 1, updated_at = now()
         WHERE reminders.status = 'scheduled'
           AND (reminders.due_at, reminders.title, reminders.details)
               IS DISTINCT FROM (EXCLUDED.due_at, EXCLUDED.title, EXCLUDED.details)`,
      [
        row.kind,
        row.subjectType,
        row.subjectId,
        row.projectId,
        row.householdId,
        row.administrativeUnitId,
        row.assigneeUserId,
        row.assigneeRole,
        row.title,
        JSON.stringify(row.details),
        row.dueAt,
        row.dedupeKey,
      ],
    );
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
      params.push(`${escapeLike(selector.prefix)}%`);
      conditions.push(`dedupe_key LIKE $${params.length}`);
    }
    if (conditions.length === 0) return 0;
    if (selector.exceptKey !== undefined) {
      params.push(selector.exceptKey);
      conditions.push(`dedupe_key <> $${params.length}`);
    }
    const rows: { id: string }[] = await this.manager.query(
      `UPDATE reminders
       SET status = 'cancelled', cancelled_at = $1, cancel_reason = $2, version = version + 1, updated_at = now()
       WHERE status = ANY($3) AND ${conditions.join(' AND ')}
       RETURNING id`,
      params,
    );
    return rowsOf(rows).length;
  }

  /** Cancels the waiting or open reminders of these kinds whose key is not among `keep`. */
  async cancelKindsExcept(
    kinds: readonly string[],
    keep: readonly string[],
    reason: string,
    now: Date,
  ): Promise<number> {
    const rows: { id: string }[] = await this.manager.query(
      `UPDATE reminders
       SET status = 'cancelled', cancelled_at = $1, cancel_reason = $2, version = version + 1, updated_at = now()
       WHERE status = ANY($3) AND kind = ANY($4) AND NOT (dedupe_key = ANY($5))
       RETURNING id`,
      [now, reason, CANCELLABLE_STATUSES, kinds, keep],
    );
    return rowsOf(rows).length;
  }

  /**
   * Cancels the waiting or open reminders of these kinds about households whose site has since been
   * handed over (however it was recorded); returns how many.
   */
  async cancelKindsOfHandedOver(kinds: readonly string[], reason: string, now: Date): Promise<number> {
    const rows: { id: string }[] = await this.manager.query(
      `UPDATE reminders r
       SET status = 'cancelled', cancelled_at = $1, cancel_reason = $2, version = r.version + 1, updated_at = now()
       FROM households h
       WHERE h.id = r.household_id AND h.status = 'handed_over'
         AND r.status = ANY($3) AND r.kind = ANY($4)
       RETURNING r.id`,
      [now, reason, CANCELLABLE_STATUSES, kinds],
    );
    return rowsOf(rows).length;
  }

  /**
   * Fires what has fallen due. The rows are claimed and updated in one statement that re-checks
   * `status = 'scheduled'`: two sweeps at once each fire different reminders, never the same one.
   */
  async fireDue(now: Date): Promise<Reminder[]> {
    const fired: string[] = [];
    for (;;) {
      const rows: { id: string }[] = await this.manager.query(
        `UPDATE reminders
         SET status = 'open', fired_at = $1, version = version + 1, updated_at = now()
         WHERE id IN (SELECT id FROM reminders WHERE status = 'scheduled' AND due_at <= $1
                      ORDER BY due_at, id LIMIT $2 FOR UPDATE SKIP LOCKED)
           AND status = 'scheduled'
         RETURNING id`,
        [now, FIRE_BATCH],
      );
      const ids = rowsOf(rows).map((row) => row.id);
      fired.push(...ids);
      if (ids.length < FIRE_BATCH) break;
    }
    if (fired.length === 0) return [];
    return this.manager.find(Reminder, { where: { id: In(fired) }, order: { dueAt: 'ASC', id: 'ASC' } });
  }

  /**
   * Escalates passed deadlines to the ward chair: one reminder per escalated one (its key plus
   * `:escalated`), due now, in the unit of the original or else the project's first unit.
   */
  async escalate(reminderIds: readonly string[], kind: string, now: Date): Promise<number> {
    if (reminderIds.length === 0) return 0;
    const rows: { id: string }[] = await this.manager.query(
      `INSERT INTO reminders (kind, subject_type, subject_id, project_id, household_id, administrative_unit_id,
                              assignee_role, title, details, due_at, dedupe_key)
       SELECT $1, r.subject_type, r.subject_id, r.project_id, r.household_id,
              COALESCE(r.administrative_unit_id, fu.administrative_unit_id), 'chair',
              'Quá hạn, báo cáo Chủ tịch phường: ' || r.title,
              r.details || jsonb_build_object('escalatedFrom', r.id, 'escalatedKind', r.kind, 'deadlineAt', r.due_at),
              $2, r.dedupe_key || ':escalated'
       FROM reminders r LEFT JOIN (${FIRST_UNITS}) fu ON fu.project_id = r.project_id
       WHERE r.id = ANY($3::uuid[])
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [kind, now, reminderIds],
    );
    return rowsOf(rows).length;
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
      const inMyUnits = scope.all ? 'TRUE' : 'reminder.administrative_unit_id = ANY(CAST(:scopeUnits AS uuid[]))';
      builder.andWhere(
        `(reminder.assignee_user_id = :me
          OR (reminder.assignee_user_id IS NULL AND CAST(:myRole AS varchar) IS NOT NULL
              AND COALESCE(reminder.assignee_role, :myRole) = :myRole AND ${inMyUnits}))`,
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

  async visitContact(visitId: string): Promise<VisitContactRow | null> {
    const rows: VisitContactRow[] = await this.manager.query(
      `SELECT v.id AS "visitId", v.household_id AS "householdId", v.project_id AS "projectId",
              v.visited_at AS "visitedAt", v.next_follow_up_on::text AS "nextFollowUpOn", v.created_by AS "createdBy",
              h.last_contact_at AS "lastContactAt", h.archived_at IS NOT NULL AS archived, h.status,
              h.code, h.head_name AS "headName"
       FROM visits v JOIN households h ON h.id = v.household_id
       WHERE v.id = $1`,
      [visitId],
    );
    return rows[0] ?? null;
  }

  /** Serialises the follow-up jobs of one household until the transaction ends. */
  async lockHousehold(householdId: string): Promise<void> {
    await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('reminders:household:' || $1, 0))`, [
      householdId,
    ]);
  }

  /** Ids of the projects still being cleared. */
  async activeProjectIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.manager.query(
      `SELECT id FROM projects WHERE status = 'active' ORDER BY id`,
    );
    return rows.map((row) => row.id);
  }

  /**
   * One reminder per silence: live households of active projects not contacted (or, never
   * contacted, not since they were registered) for longer than their project allows. The key holds
   * the local day of the last contact, so the next silence after a new visit is a new reminder.
   * One statement for every household, however many.
   */
  async createStaleReminders(now: Date, timeZone: string, kind: string): Promise<number> {
    const rows: { id: string }[] = await this.manager.query(
      `WITH first_units AS (${FIRST_UNITS}),
       stale AS (
         SELECT h.id, h.project_id, h.code, h.head_name, h.last_contact_at, p.stale_after_days,
                COALESCE(h.last_contact_at, h.created_at) AS silent_since
         FROM households h JOIN projects p ON p.id = h.project_id
         WHERE h.archived_at IS NULL AND h.status <> 'handed_over' AND p.status = 'active'
           AND COALESCE(h.last_contact_at, h.created_at) + p.stale_after_days * interval '1 day' <= $1
       )
       INSERT INTO reminders (kind, subject_type, subject_id, project_id, household_id, administrative_unit_id,
                              assignee_role, title, details, due_at, dedupe_key)
       SELECT $2, 'household', s.id, s.project_id, s.id, fu.administrative_unit_id, 'officer',
              'Hộ ' || s.head_name || ' (' || s.code || ') chưa được tiếp xúc quá ' || s.stale_after_days || ' ngày',
              jsonb_build_object('lastContactAt', s.last_contact_at, 'staleAfterDays', s.stale_after_days,
                                 'householdCode', s.code),
              s.silent_since + s.stale_after_days * interval '1 day',
              'stale:' || s.id || ':' || COALESCE(to_char(s.last_contact_at AT TIME ZONE $3, 'YYYY-MM-DD'), 'never')
       FROM stale s LEFT JOIN first_units fu ON fu.project_id = s.project_id
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [now, kind, timeZone],
    );
    return rowsOf(rows).length;
  }

  /**
   * One digest per ward (every unit some active project lies in) for `today`, with its counts:
   * open reminders, overdue follow-ups, households with an unresolved stale reminder, and dialogue
   * sessions in the next 24 hours. One statement; a second run the same day adds nothing.
   */
  async createDigests(
    now: Date,
    today: string,
    kinds: { digest: string; stale: string; dialogue: string },
  ): Promise<number> {
    const rows: { id: string }[] = await this.manager.query(
      `WITH ward_projects AS (
         SELECT pau.administrative_unit_id AS unit_id, pau.project_id
         FROM project_administrative_units pau JOIN projects p ON p.id = pau.project_id
         WHERE p.status = 'active'
       ),
       wards AS (
         SELECT au.id AS unit_id, au.name,
           (SELECT count(*) FROM reminders r
            WHERE r.status = 'open' AND r.kind <> $3
              AND (r.project_id IN (SELECT wp.project_id FROM ward_projects wp WHERE wp.unit_id = au.id)
                   OR (r.project_id IS NULL AND r.administrative_unit_id = au.id)))::int AS open_reminders,
           (SELECT count(*) FROM households h
            WHERE h.project_id IN (SELECT wp.project_id FROM ward_projects wp WHERE wp.unit_id = au.id)
              AND h.archived_at IS NULL AND h.status <> 'handed_over' AND h.next_follow_up_on < $2::date)::int
             AS overdue_follow_ups,
           (SELECT count(DISTINCT r.household_id) FROM reminders r
            WHERE r.kind = $4 AND r.status IN ('open', 'acknowledged')
              AND r.project_id IN (SELECT wp.project_id FROM ward_projects wp WHERE wp.unit_id = au.id))::int
             AS stale_households,
           (SELECT count(DISTINCT r.subject_id) FROM reminders r
            WHERE r.kind = $5 AND r.status IN ('scheduled', 'open', 'acknowledged')
              AND (r.details->>'scheduledAt')::timestamptz >= $1
              AND (r.details->>'scheduledAt')::timestamptz < $1 + interval '24 hours'
              AND r.project_id IN (SELECT wp.project_id FROM ward_projects wp WHERE wp.unit_id = au.id))::int
             AS upcoming_dialogues
         FROM administrative_units au
         WHERE au.id IN (SELECT unit_id FROM ward_projects)
       )
       INSERT INTO reminders (kind, subject_type, subject_id, administrative_unit_id, assignee_role,
                              title, details, due_at, dedupe_key)
       SELECT $3, 'administrative_unit', w.unit_id, w.unit_id, 'chair',
              'Tổng hợp nhắc việc ngày ' || to_char($2::date, 'DD/MM/YYYY') || ' – ' || w.name,
              jsonb_build_object('date', $2::text, 'openReminders', w.open_reminders,
                                 'overdueFollowUps', w.overdue_follow_ups, 'staleHouseholds', w.stale_households,
                                 'upcomingDialogues', w.upcoming_dialogues),
              $1, 'digest:' || w.unit_id || ':' || $2::text
       FROM wards w
       ON CONFLICT (dedupe_key) DO NOTHING
       RETURNING id`,
      [now, today, kinds.digest, kinds.stale, kinds.dialogue],
    );
    return rowsOf(rows).length;
  }
}

/** `this.manager.query` answers an UPDATE … RETURNING with [rows, count] and an INSERT … RETURNING with rows. */
function rowsOf<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result as [T[], number])[0] : (result as T[]);
}
