import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import type { Actor } from '../../common/request-context.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { type AuditEvent, AuditService } from '../audit/audit.service.js';
import {
  type HouseholdColumns,
  HouseholdsBulkRepository,
  type ParcelColumns,
  type StoredHousehold,
} from './households-bulk.repository.js';

/** Households per round of statements: bounded memory, a few statements per round. */
const BULK_CHUNK = 2_000;

export interface BulkCreate {
  columns: HouseholdColumns;
  parcels: ParcelColumns[];
}

export interface BulkUpdate {
  id: string;
  columns: HouseholdColumns;
  /** Replacing the parcels, or null to leave them. */
  parcels: ParcelColumns[] | null;
  changes: Record<string, { before: unknown; after: unknown }>;
}

/**
 * Many households at once (an import): created, or updated with their changes in the audit trail,
 * in multi-row statements, in the ambient transaction — all of them or none.
 */
@Injectable()
export class HouseholdsBulkService {
  constructor(
    private readonly bulk: HouseholdsBulkRepository,
    private readonly audit: AuditService,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  findByCodes(projectId: string, codes: readonly string[]): Promise<Map<string, StoredHousehold>> {
    return this.bulk.findByCodes(projectId, codes);
  }

  /** Applies creations then updates; `progress` hears how many households are done after each round. */
  async apply(
    projectId: string,
    work: { creates: readonly BulkCreate[]; updates: readonly BulkUpdate[] },
    actor: Actor,
    progress: (done: number) => Promise<void> = () => Promise.resolve(),
  ): Promise<void> {
    await this.tx.run(async () => {
      const now = this.clock.now();
      let done = 0;
      for (let start = 0; start < work.creates.length; start += BULK_CHUNK) {
        const chunk = work.creates.slice(start, start + BULK_CHUNK);
        const ids = await this.bulk.insertHouseholds(
          projectId,
          chunk.map((c) => c.columns),
          now,
        );
        await this.bulk.replaceParcels(
          chunk.flatMap((c) => c.parcels.map((p) => ({ ...p, householdId: ids.get(c.columns.code) as string }))),
          [],
        );
        await this.audit.recordAll(
          chunk.map((c): AuditEvent => ({
            action: 'import_create',
            entity: 'Household',
            entityId: ids.get(c.columns.code) ?? null,
            projectId,
            changes: {
              ...Object.fromEntries(Object.entries(c.columns).map(([k, v]: [string, unknown]) => [k, { after: v }])),
              parcels: { after: c.parcels },
            },
            actor,
          })),
        );
        done += chunk.length;
        await progress(done);
      }
      for (let start = 0; start < work.updates.length; start += BULK_CHUNK) {
        const chunk = work.updates.slice(start, start + BULK_CHUNK);
        await this.bulk.updateHouseholds(
          projectId,
          chunk.map((u) => ({ ...u.columns, id: u.id })),
          now,
        );
        const replaced = chunk.filter((u) => u.parcels !== null);
        await this.bulk.replaceParcels(
          replaced.flatMap((u) => (u.parcels ?? []).map((p) => ({ ...p, householdId: u.id }))),
          replaced.map((u) => u.id),
        );
        await this.audit.recordAll(
          chunk.map((u): AuditEvent => ({
            action: 'import_update',
            entity: 'Household',
            entityId: u.id,
            projectId,
            changes: u.changes,
            actor,
          })),
        );
        done += chunk.length;
        await progress(done);
      }
    });
  }
}
