import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { assertInScope, type Caller, type RawAuth } from './raw-auth.js';
import { RawHttpError, type Row, visitJson } from './raw-json.js';
import * as sql from './raw-sql.js';
import { parseVisit, requestHash, type VisitInput } from './raw-visit-input.js';

const FIRST_VISIT_REASON = 'Thăm hộ lần đầu: bắt đầu vận động';
const KEY_RETENTION_MS = 24 * 60 * 60 * 1000;

/** The product's subscribers of each event (handler id → queue), one outbox row each. */
const SUBSCRIBERS = {
  'household.consent-changed': [
    ['stats.check-threshold', 'reminders'],
    ['enforcement.close-drafts-on-consent', 'maintenance'],
    ['webhooks.household-status-changed', 'webhooks'],
  ],
  'visit.recorded': [
    ['households.end-silence', 'reminders'],
    ['visits.schedule-follow-up', 'reminders'],
  ],
} as const;

export interface VisitRequest {
  caller: Caller;
  householdId: string;
  body: unknown;
  idempotencyKey: string | undefined;
  path: string;
  requestId: string;
  ip: string;
}

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

type Changes = Record<string, { before?: unknown; after: unknown }>;

/** Records a visit with the product's statements, in its order (see the comment of raw-server.ts). */
export class RawVisits {
  constructor(
    private readonly db: pg.Pool,
    private readonly auth: RawAuth,
  ) {}

  async record(request: VisitRequest): Promise<Answer> {
    const { caller, householdId } = request;
    await this.auth.countWrite(caller);
    const notFound = new RawHttpError(404, 'HOUSEHOLD_NOT_FOUND', `Household ${householdId} was not found`);
    const located = await this.db.query<Row>(sql.HOUSEHOLD_PROJECT, [householdId]);
    assertInScope(caller, located.rows[0]?.project_id as string | undefined, notFound);
    const now = new Date();
    const input = parseVisit(request.body, now);
    const hash = requestHash(request.body);
    const principalId = `user:${caller.id}`;
    const key = request.idempotencyKey;
    if (key) {
      const expiresAt = new Date(now.getTime() + KEY_RETENTION_MS);
      const claimed = await this.db.query(sql.CLAIM_IDEMPOTENCY_KEY, [
        principalId,
        key,
        'POST',
        request.path,
        hash,
        now,
        expiresAt,
      ]);
      // Every bench request sends a fresh key; a reused one is out of this server's scope.
      if (claimed.rowCount === 0) throw new RawHttpError(409, 'IDEMPOTENCY_KEY_IN_USE', 'Key already used');
    }
    const visit = await this.inTransaction((client) => this.write(client, request, input, key ? hash : null));
    const body = visitJson(visit);
    if (key) await this.db.query(sql.COMPLETE_IDEMPOTENCY_KEY, [201, JSON.stringify(body), principalId, key]);
    return { status: 201, body };
  }

  private async write(client: pg.PoolClient, request: VisitRequest, input: VisitInput, hash: string | null) {
    const { caller, householdId } = request;
    const household = (await client.query<Row>(sql.HOUSEHOLD_BY_ID_FOR_UPDATE, [householdId])).rows[0];
    if (!household) throw new RawHttpError(404, 'HOUSEHOLD_NOT_FOUND', `Household ${householdId} was not found`);
    if (household.archived_at) throw new RawHttpError(422, 'HOUSEHOLD_ARCHIVED', 'The household is archived');
    if (request.idempotencyKey) await client.query(sql.VISIT_BY_IDEMPOTENCY_KEY, [householdId, request.idempotencyKey]);
    const projectId = household.project_id as string;
    const inserted = await client.query<{ id: string; created_at: Date }>(sql.INSERT_VISIT, [
      householdId,
      projectId,
      input.visitedAt,
      input.officers,
      input.outcome,
      input.notes,
      input.nextFollowUpOn,
      request.idempotencyKey ?? null,
      hash,
      caller.name,
      caller.id,
    ]);
    const visitId = inserted.rows[0].id;
    // The product collects the unit's audit rows and writes them in one statement before COMMIT.
    const audits: unknown[][][] = [];
    const audit = (action: string, entity: string, entityId: string, changes: Changes) => {
      audits.push(auditRow(request, projectId, action, entity, entityId, changes));
    };
    audit('create', 'Visit', visitId, created(visitFields(visitId, householdId, projectId, input, request, hash)));
    const visit: Row = {
      id: visitId,
      household_id: householdId,
      project_id: projectId,
      visited_at: input.visitedAt,
      officers: input.officers,
      outcome: input.outcome,
      notes: input.notes,
      next_follow_up_on: input.nextFollowUpOn,
      created_by: caller.name,
      created_by_id: caller.id,
      created_at: inserted.rows[0].created_at,
    };

    const firstContact = household.status === 'not_contacted';
    if (firstContact) {
      const move = {
        householdId,
        projectId,
        fromStatus: 'not_contacted',
        toStatus: 'persuading',
        reason: FIRST_VISIT_REASON,
        evidence: [],
        visitId,
        actor: caller.name,
        actorId: caller.id,
        at: input.visitedAt,
      };
      const transition = await client.query<{ id: string }>(sql.INSERT_TRANSITION, [
        householdId,
        projectId,
        move.fromStatus,
        move.toStatus,
        move.reason,
        '[]',
        visitId,
        move.actor,
        move.actorId,
        move.at,
      ]);
      const transitionId = String(transition.rows[0].id);
      audit('create', 'ConsentTransition', transitionId, created({ id: transitionId, ...move }));
      await this.publish(client, caller, 'household.consent-changed', {
        householdId,
        householdCode: household.code,
        projectId,
        from: 'not_contacted',
        to: 'persuading',
        condition: null,
        reason: FIRST_VISIT_REASON,
        changedAt: input.visitedAt.toISOString(),
        visitId,
      });
    }
    await client.query(sql.HOUSEHOLD_BEFORE_SAVE, [householdId]);
    const lastContact = household.last_contact_at as Date | null;
    const isLatest = lastContact === null || input.visitedAt >= lastContact;
    const contactAt = isLatest ? input.visitedAt : lastContact;
    const followUp = isLatest ? input.nextFollowUpOn : household.next_follow_up_on;
    const version = (household.version as number) + 1;
    const changes: Changes = {
      lastContactAt: { before: lastContact, after: contactAt },
      nextFollowUpOn: { before: household.next_follow_up_on, after: followUp },
      version: { before: household.version, after: version },
    };
    if (firstContact) {
      await client.query(sql.UPDATE_HOUSEHOLD_FIRST_CONTACT, [
        'persuading',
        input.visitedAt,
        contactAt,
        followUp,
        version,
        householdId,
      ]);
      changes.status = { before: 'not_contacted', after: 'persuading' };
      changes.statusChangedAt = { before: household.status_changed_at, after: input.visitedAt };
    } else {
      await client.query(sql.UPDATE_HOUSEHOLD_CONTACT, [contactAt, followUp, version, householdId]);
    }
    audit(firstContact ? 'transition' : 'update', 'Household', householdId, changes);
    await this.publish(client, caller, 'visit.recorded', {
      visitId,
      householdId,
      projectId,
      visitedAt: input.visitedAt.toISOString(),
      nextFollowUpOn: input.nextFollowUpOn,
    });
    await client.query(
      sql.INSERT_AUDIT,
      audits[0].map((_, column) => audits.flatMap((row) => row[column])),
    );
    return visit;
  }

  /** One outbox row per subscriber, in one INSERT, like the product's EventBus. */
  private async publish(client: pg.PoolClient, caller: Caller, name: keyof typeof SUBSCRIBERS, payload: Row) {
    const eventId = randomUUID();
    const occurredAt = new Date();
    const envelope = JSON.stringify({
      id: eventId,
      name,
      occurredAt: occurredAt.toISOString(),
      actor: { type: 'user', id: caller.id, name: caller.name },
      payload,
    });
    const values = SUBSCRIBERS[name].flatMap(([handler, queue]) => [
      `event:${handler}`,
      queue,
      envelope,
      `event_${handler}--${eventId}`,
      0,
      occurredAt,
    ]);
    await client.query(sql.insertOutbox(SUBSCRIBERS[name].length), values);
  }

  private async inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.db.connect();
    try {
      await client.query('START TRANSACTION');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }
}

const created = (fields: Row): Changes =>
  Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, { after: value }]));

/** What the product's audit subscriber records of a new visit (the request hash redacted). */
function visitFields(
  id: string,
  householdId: string,
  projectId: string,
  input: VisitInput,
  r: VisitRequest,
  hash: unknown,
) {
  return {
    id,
    householdId,
    projectId,
    visitedAt: input.visitedAt,
    officers: input.officers,
    outcome: input.outcome,
    notes: input.notes,
    nextFollowUpOn: input.nextFollowUpOn,
    idempotencyKey: r.idempotencyKey ?? null,
    requestHash: hash === null ? null : '[redacted]',
    createdBy: r.caller.name,
    createdById: r.caller.id,
  };
}

/** The eleven unnest() arrays of one audit row. */
function auditRow(r: VisitRequest, projectId: string, action: string, entity: string, id: string, changes: Changes) {
  const { caller } = r;
  return [
    [new Date()],
    ['user'],
    [caller.id],
    [caller.name],
    [action],
    [entity],
    [id],
    [projectId],
    [JSON.stringify(changes)],
    [r.requestId],
    [r.ip],
  ];
}
