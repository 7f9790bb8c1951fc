import type { DataSource } from 'typeorm';
import type { ApiKeyAccess } from '../../src/modules/access/domain/roles.js';
import { ApiKeyAdministrativeUnit } from '../../src/modules/api-keys/api-key-administrative-unit.entity.js';
import { ApiKey } from '../../src/modules/api-keys/api-key.entity.js';
import { issueApiKey } from '../../src/modules/api-keys/domain/api-key-secret.js';
import { makeUnit } from './factories.js';

export interface MadeApiKey {
  apiKey: ApiKey;
  /** The raw key, as a client would send it. */
  key: string;
  administrativeUnitIds: string[];
}

/**
 * An API key already issued, straight in the database, with the raw key a client would hold.
 * `createdBy` must be an existing user (the test app's admin will do).
 */
export async function makeApiKey(
  ds: DataSource,
  createdBy: string,
  overrides: Partial<Pick<ApiKey, 'name' | 'expiresAt' | 'lastUsedAt' | 'revokedAt'>> & {
    access?: ApiKeyAccess;
    unitIds?: string[];
  } = {},
): Promise<MadeApiKey> {
  const { unitIds, ...fields } = overrides;
  const administrativeUnitIds = unitIds ?? [(await makeUnit(ds)).id];
  const { key, prefix, keyHash } = issueApiKey();
  const repo = ds.getRepository(ApiKey);
  const apiKey = await repo.save(
    repo.create({ name: 'Cổng dữ liệu quận Tây Hồ', access: 'read', prefix, keyHash, createdBy, ...fields }),
  );
  await ds
    .getRepository(ApiKeyAdministrativeUnit)
    .insert(administrativeUnitIds.map((administrativeUnitId) => ({ apiKeyId: apiKey.id, administrativeUnitId })));
  return { apiKey, key, administrativeUnitIds };
}
