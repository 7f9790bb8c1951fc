import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import type { PageQueryDto } from '../../common/http/pagination.js';
import { ApiKeyAdministrativeUnit } from './api-key-administrative-unit.entity.js';
import { ApiKey } from './api-key.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';

/** What authentication needs of a key, read in one query. */
export interface ApiKeyCredential {
  id: string;
  name: string;
  access: ApiKey['access'];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  administrativeUnitIds: string[];
}

interface CredentialRow {
  id: string;
  name: string;
  access: ApiKey['access'];
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
  unit_ids: string[];
}

@Injectable()
export class ApiKeysRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  async insert(key: Partial<ApiKey>, unitIds: readonly string[]): Promise<ApiKey> {
    const saved = await this.manager.save(ApiKey, this.manager.create(ApiKey, key));
    await this.manager.insert(
      ApiKeyAdministrativeUnit,
      unitIds.map((administrativeUnitId) => ({ apiKeyId: saved.id, administrativeUnitId })),
    );
    return saved;
  }

  findById(id: string): Promise<ApiKey | null> {
    return this.manager.findOneBy(ApiKey, { id });
  }

  findByIdForUpdate(id: string): Promise<ApiKey | null> {
    return this.manager.findOne(ApiKey, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  list(page: PageQueryDto): Promise<[ApiKey[], number]> {
    return this.manager.findAndCount(ApiKey, {
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: page.offset,
      take: page.limit,
    });
  }

  async unitIdsByKey(keyIds: readonly string[]): Promise<Map<string, string[]>> {
    const links = keyIds.length
      ? await this.manager.find(ApiKeyAdministrativeUnit, {
          where: { apiKeyId: In([...keyIds]) },
          order: { administrativeUnitId: 'ASC' },
        })
      : [];
    const byKey = new Map<string, string[]>(keyIds.map((id) => [id, []]));
    for (const link of links) byKey.get(link.apiKeyId)?.push(link.administrativeUnitId);
    return byKey;
  }

  /** Runs on every request made with a key, hence one round trip with the units folded in. */
  async findCredentialByHash(keyHash: string): Promise<ApiKeyCredential | null> {
    const rows: CredentialRow[] = await this.manager.query(
      `SELECT k.id, k.name, k.access, k.expires_at, k.last_used_at, k.revoked_at,
              ARRAY(SELECT u.administrative_unit_id::text FROM api_key_administrative_units u
                    WHERE u.api_key_id = k.id ORDER BY 1) AS unit_ids
       FROM api_keys k WHERE k.key_hash = $1`,
      [keyHash],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      name: row.name,
      access: row.access,
      expiresAt: row.expires_at,
      lastUsedAt: row.last_used_at,
      revokedAt: row.revoked_at,
      administrativeUnitIds: row.unit_ids,
    };
  }

  /**
   * Bookkeeping, not a change anyone made: listeners are off so it writes no audit row. The condition
   * repeats the throttle so concurrent requests with one key write it once.
   */
  async touchLastUsed(id: string, now: Date, staleBefore: Date): Promise<void> {
    await this.manager
      .createQueryBuilder()
      .update(ApiKey)
      .set({ lastUsedAt: now })
      .where('id = :id AND (last_used_at IS NULL OR last_used_at <= :staleBefore)', { id, staleBefore })
      .callListeners(false)
      .updateEntity(false)
      .execute();
  }

  save(key: ApiKey): Promise<ApiKey> {
    return this.manager.save(ApiKey, key);
  }
}
