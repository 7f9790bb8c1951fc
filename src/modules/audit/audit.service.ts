import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { type Actor, RequestContext } from '../../common/request-context.js';
import type { Scope } from '../access/scope.js';
import { AUDIT_ENTITY_ID_LENGTH, type AuditEntry } from './audit-entry.entity.js';
import { type AuditRecord, AuditRepository } from './audit.repository.js';
import { REDACTED, SECRET_FIELDS } from './domain/audit-changes.js';
import type { ListAuditQuery } from './dto/list-audit.query.js';

/** Something worth a line in the trail. Entity writes are captured on their own (AuditSubscriber). */
export interface AuditEvent {
  /** A short verb: 'login', 'login_failed', 'logout', … (at most 32 characters). */
  action: string;
  /** What it happened to, e.g. 'User' (at most 64 characters). */
  entity: string;
  entityId?: string | null;
  projectId?: string | null;
  /** Details; through record(), secret fields are redacted. */
  changes?: Record<string, unknown>;
  /** Defaults to the caller of the current request; a failed login names whom it claimed to be. */
  actor?: Actor;
}

const MAX_ACTOR_NAME = 200;
/** Rows per INSERT of recordAll: well under PostgreSQL's 65,535 parameters. */
const AUDIT_BATCH = 2_000;
const MAX_IP = 64;

@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /** Appends one row, in the ambient transaction: it commits (or not) with the change it records. */
  record(event: AuditEvent): Promise<void> {
    return this.audit.insertMany(this.recordsOf([{ ...event, changes: redact(event.changes ?? {}) }]));
  }

  /** Appends many rows in few statements (a bulk import's creations and updates), in the ambient transaction. */
  async recordAll(events: readonly AuditEvent[]): Promise<void> {
    for (let start = 0; start < events.length; start += AUDIT_BATCH) {
      await this.audit.insertMany(
        this.recordsOf(events.slice(start, start + AUDIT_BATCH).map((e) => ({ ...e, changes: redact(e.changes ?? {}) }))),
      );
    }
  }

  /**
   * The rows for `events`, attributed to the current request (the system outside one). Their
   * `changes` are stored as given: the entity subscriber has already redacted them field by field.
   */
  recordsOf(events: readonly AuditEvent[]): AuditRecord[] {
    const { requestId, ip, actor } = RequestContext.current();
    const at = this.clock.now();
    return events.map((event): AuditRecord => {
      if (!event.action || event.action.length > 32) throw new Error(`Audit action "${event.action}" is not 1–32 long`);
      if (!event.entity || event.entity.length > 64) throw new Error(`Audit entity "${event.entity}" is not 1–64 long`);
      if (event.entityId && event.entityId.length > AUDIT_ENTITY_ID_LENGTH) {
        throw new Error(`Audit entity id "${event.entityId}" is longer than ${AUDIT_ENTITY_ID_LENGTH}`);
      }
      const by = event.actor ?? actor;
      return {
        at,
        actor: { type: by.type, id: by.id, name: by.name.slice(0, MAX_ACTOR_NAME) },
        action: event.action,
        entity: event.entity,
        entityId: event.entityId ?? null,
        projectId: event.projectId ?? null,
        changes: event.changes ?? {},
        requestId,
        ip: ip?.slice(0, MAX_IP) ?? null,
      };
    });
  }

  /** Newest first. Outside an admin's scope only rows of the caller's projects are visible. */
  list(query: ListAuditQuery, scope: Scope): Promise<[AuditEntry[], number]> {
    return this.audit.list(query, scope.all ? undefined : scope.projectIds);
  }
}

function redact(changes: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(changes).map(([field, value]) => [field, SECRET_FIELDS.has(field) ? REDACTED : value]),
  );
}
