import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DataSource,
  EntityManager,
  EntityMetadata,
  EntitySubscriberInterface,
  InsertEvent,
  ObjectLiteral,
  QueryRunner,
  RemoveEvent,
  UpdateEvent,
} from 'typeorm';
import { TransactionHost } from '../../database/transaction-host.js';
import { AUDIT_ENTITY_ID_LENGTH } from './audit-entry.entity.js';
import { AuditRepository } from './audit.repository.js';
import { type AuditEvent, AuditService } from './audit.service.js';
import { actionForUpdate, creationChanges, deletionChanges, updateChanges } from './domain/audit-changes.js';

/** The trail itself, and bookkeeping rows that change on every request and mean nothing to a reader. */
const NOT_AUDITED: ReadonlySet<string> = new Set(['AuditEntry', 'RefreshToken', 'IdempotencyRecord', 'OutboxEntry']);

/**
 * Rows without a project of their own that belong to one through their owner, so that a supervisor
 * scoped to the project sees them too: owner entity and the property naming it.
 */
const PROJECT_THROUGH: Readonly<Record<string, { owner: string; key: string }>> = {
  LandParcel: { owner: 'Household', key: 'householdId' },
  DialogueParticipant: { owner: 'DialogueSession', key: 'dialogueSessionId' },
  ComplaintEvent: { owner: 'Complaint', key: 'complaintId' },
  WorkingGroupMember: { owner: 'WorkingGroup', key: 'workingGroupId' },
};

/** The ambient transaction's collected audit rows. */
const AUDIT_BUCKET = {};

interface PendingRow extends AuditEvent {
  /** Set when the project is found through the owner record, at flush time. */
  ownerId?: string;
}

interface Batch {
  rows: PendingRow[];
  done: Promise<void>;
}

/**
 * Appends an audit row for every entity insert, update and delete, through the writing statement's
 * own query runner: inside its transaction, so a rolled-back write leaves no trace in the trail.
 * Updates issued as queries (`em.update`) are recorded with their new values only; deletes issued as
 * queries (`em.delete`) name no rows and are not recorded.
 */
@Injectable()
export class AuditSubscriber implements EntitySubscriberInterface {
  private readonly batches = new WeakMap<QueryRunner, Batch>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly auditRepository: AuditRepository,
    private readonly tx: TransactionHost,
  ) {
    dataSource.subscribers.push(this);
  }

  afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> | undefined {
    const { metadata, entity } = event;
    if (NOT_AUDITED.has(metadata.name)) return undefined;
    const values = snapshot(metadata, entity);
    return this.enqueue(event, {
      action: 'create',
      ...this.identify(metadata, entity),
      changes: creationChanges(values),
    });
  }

  afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> | undefined {
    const { metadata, databaseEntity } = event;
    const entity = event.entity;
    if (NOT_AUDITED.has(metadata.name) || !entity) return undefined;
    const fields = databaseEntity
      ? event.updatedColumns.filter(isRecorded).map((column) => column.propertyPath)
      : Object.keys(snapshot(metadata, entity));
    const changes = updateChanges(
      fields,
      databaseEntity ? snapshot(metadata, databaseEntity) : undefined,
      snapshot(metadata, entity),
    );
    if (Object.keys(changes).length === 0) return undefined;
    return this.enqueue(event, {
      action: actionForUpdate(changes),
      ...this.identify(metadata, { ...databaseEntity, ...entity }),
      changes,
    });
  }

  afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> | undefined {
    const { metadata } = event;
    const removed = { ...event.entity, ...event.databaseEntity, ...(event.entityId as ObjectLiteral | undefined) };
    if (NOT_AUDITED.has(metadata.name) || Object.keys(removed).length === 0) return undefined;
    return this.enqueue(event, {
      action: 'delete',
      ...this.identify(metadata, removed),
      changes: deletionChanges(snapshot(metadata, removed)),
    });
  }

  private identify(
    metadata: EntityMetadata,
    entity: ObjectLiteral,
  ): Pick<PendingRow, 'entity' | 'entityId' | 'projectId' | 'ownerId'> {
    const keys = metadata.primaryColumns.map((column) => column.getEntityValue(entity) as unknown);
    const entityId = keys.every((key) => key !== undefined && key !== null) ? readableId(keys.map(String)) : null;
    const through = PROJECT_THROUGH[metadata.name];
    const ownProject = metadata.name === 'Project' ? entityId : stringOrNull(entity.projectId);
    return {
      entity: metadata.name,
      entityId,
      projectId: ownProject,
      ...(through && !ownProject ? { ownerId: stringOrNull(entity[through.key]) ?? undefined } : {}),
    };
  }

  /**
   * Inside the ambient transaction, the rows wait for the end of the unit of work and go in one
   * statement just before COMMIT: a visit that inserts a visit and updates its household writes
   * its trail in one round trip, not two. Elsewhere (a transaction of its own, a lone statement) a
   * statement's listeners are all called in one synchronous loop and then awaited together, so
   * rows queued until the next microtask are every row of that statement: a bulk insert of a
   * thousand parcels becomes one audit statement, not a thousand.
   */
  private enqueue(event: { queryRunner: QueryRunner; manager: EntityManager }, row: PendingRow): Promise<void> {
    const { queryRunner, manager } = event;
    if (this.tx.inTransaction && this.tx.manager.queryRunner === queryRunner) {
      return this.tx.collect(AUDIT_BUCKET, row, (rows) => this.flush(rows, this.tx.manager));
    }
    let batch = this.batches.get(queryRunner);
    if (!batch) {
      const rows: PendingRow[] = [];
      const done = Promise.resolve().then(() => {
        this.batches.delete(queryRunner);
        return this.flush(rows, manager);
      });
      batch = { rows, done };
      this.batches.set(queryRunner, batch);
    }
    batch.rows.push(row);
    return batch.done;
  }

  private async flush(rows: PendingRow[], manager: EntityManager): Promise<void> {
    for (const [entity, { owner }] of Object.entries(PROJECT_THROUGH)) {
      const waiting = rows.filter((row) => row.entity === entity && !row.projectId && row.ownerId);
      if (waiting.length === 0) continue;
      const projects = await this.auditRepository.projectIdsOf(
        owner,
        [...new Set(waiting.map((row) => row.ownerId as string))],
        manager,
      );
      for (const row of waiting) row.projectId = projects.get(row.ownerId as string) ?? null;
    }
    await this.auditRepository.insertMany(
      this.audit.recordsOf(rows.map(({ ownerId: _ownerId, ...row }) => row)),
      manager,
    );
  }
}

/** Timestamps the row keeps itself are noise next to the audit row's own time. */
function isRecorded(column: EntityMetadata['columns'][number]): boolean {
  return !column.isCreateDate && !column.isUpdateDate;
}

function snapshot(metadata: EntityMetadata, entity: ObjectLiteral): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const column of metadata.columns) {
    if (!isRecorded(column)) continue;
    const value = column.getEntityValue(entity) as unknown;
    if (value !== undefined) values[column.propertyPath] = value;
  }
  return values;
}

/**
 * Composite keys are joined with ':'. Two UUIDs joined do not fit the column, so such rows are
 * filed under their first key (the owner: the session of a participant, the project of a link);
 * the full key is in the creation's `changes`.
 */
function readableId(keys: string[]): string {
  const joined = keys.join(':');
  return joined.length <= AUDIT_ENTITY_ID_LENGTH ? joined : keys[0].slice(0, AUDIT_ENTITY_ID_LENGTH);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
