import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/request-context.js';
import { AuditEntry } from './audit-entry.entity.js';
import type { ListAuditQuery } from './dto/list-audit.query.js';
import { TransactionHost } from '../../database/transaction-host.js';

/** A row to append, with its attribution already resolved. */
export interface AuditRecord {
  at: Date;
  actor: Actor;
  action: string;
  entity: string;
  entityId: string | null;
  projectId: string | null;
  changes: object;
  requestId: string | null;
  ip: string | null;
}

@Injectable()
export class AuditRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  /**
   * One statement for any number of rows, with a fixed number of parameters (one array per column),
   * so a bulk import neither costs a round trip per row nor runs into the parameter limit. The
   * entity subscriber passes the manager of the statement it records, so the rows commit or roll
   * back with the change they describe even outside an ambient transaction.
   */
  async insertMany(records: readonly AuditRecord[], manager: EntityManager = this.manager): Promise<void> {
    if (records.length === 0) return;
    const column = <T>(pick: (record: AuditRecord) => T): T[] => records.map(pick);
    await manager.query(
      `INSERT INTO audit_log
         (at, actor_type, actor_id, actor_name, action, entity, entity_id, project_id, changes, request_id, ip)
       SELECT * FROM unnest(
         $1::timestamptz[], $2::varchar[], $3::uuid[], $4::varchar[], $5::varchar[], $6::varchar[],
         $7::varchar[], $8::uuid[], $9::jsonb[], $10::varchar[], $11::varchar[])`,
      [
        column((r) => r.at.toISOString()),
        column((r) => r.actor.type),
        column((r) => r.actor.id),
        column((r) => r.actor.name),
        column((r) => r.action),
        column((r) => r.entity),
        column((r) => r.entityId),
        column((r) => r.projectId),
        column((r) => JSON.stringify(r.changes)),
        column((r) => r.requestId),
        column((r) => r.ip),
      ],
    );
  }

  /** The project of each of the given records of `entity` (which must have a `projectId`). */
  async projectIdsOf(
    entity: string,
    ids: readonly string[],
    manager: EntityManager = this.manager,
  ): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await manager
      .createQueryBuilder(entity, 'owner')
      .select('owner.id', 'id')
      .addSelect('owner.projectId', 'project_id')
      .whereInIds([...ids])
      .getRawMany<{ id: string; project_id: string }>();
    return new Map(rows.map((row) => [row.id, row.project_id]));
  }

  /** `projectIds` undefined: every row; otherwise only rows of those projects (never project-less ones). */
  list(query: ListAuditQuery, projectIds: readonly string[] | undefined): Promise<[AuditEntry[], number]> {
    const builder = this.manager.createQueryBuilder(AuditEntry, 'entry');
    if (projectIds) builder.andWhere('entry.project_id = ANY(:projectIds)', { projectIds: [...projectIds] });
    if (query.projectId) builder.andWhere('entry.project_id = :projectId', { projectId: query.projectId });
    if (query.entity) builder.andWhere('entry.entity = :entity', { entity: query.entity });
    if (query.entityId) builder.andWhere('entry.entity_id = :entityId', { entityId: query.entityId });
    if (query.actorId) builder.andWhere('entry.actor_id = :actorId', { actorId: query.actorId });
    if (query.action) builder.andWhere('entry.action = :action', { action: query.action });
    if (query.from) builder.andWhere('entry.at >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('entry.at < :to', { to: new Date(query.to) });
    return builder
      .orderBy('entry.at', 'DESC')
      .addOrderBy('entry.id', 'DESC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
  }
}
