import { Injectable } from '@nestjs/common';
import { CacheTags } from '../access/cache-tags.js';
import { CacheInvalidations } from '../../common/cache/cache-invalidations.js';
import { Clock } from '../../common/clock/clock.js';
import { NotFoundError } from '../../common/errors/domain-error.js';
import type { PageQueryDto } from '../../common/http/pagination.js';
import type { Principal } from '../access/principal.js';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service.js';
import type { ApiKey } from './api-key.entity.js';
import { ExpiryInThePastError, UnknownAdministrativeUnitsError } from './api-keys.errors.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { hashApiKey, issueApiKey, looksLikeApiKey } from './domain/api-key-secret.js';
import { isUsable, LAST_USED_RESOLUTION_MS, shouldRecordUse } from './domain/api-key-usage.js';
import type { CreateApiKeyDto } from './dto/create-api-key.dto.js';
import { TransactionHost } from '../../database/transaction-host.js';

export interface ApiKeyWithUnits {
  apiKey: ApiKey;
  administrativeUnitIds: string[];
}

/** A key as just created: the only moment the key itself is known. */
export interface CreatedApiKey extends ApiKeyWithUnits {
  key: string;
}

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly apiKeys: ApiKeysRepository,
    private readonly units: AdministrativeUnitsService,
    private readonly clock: Clock,
    private readonly invalidations: CacheInvalidations,
  ) {}

  async create(input: CreateApiKeyDto, createdBy: string): Promise<CreatedApiKey> {
    const missing = await this.units.findMissing(input.administrativeUnitIds);
    if (missing.length) throw new UnknownAdministrativeUnitsError(missing);
    const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
    if (expiresAt && !isUsable({ revokedAt: null, expiresAt }, this.clock.now())) {
      throw new ExpiryInThePastError(expiresAt);
    }
    const { key, prefix, keyHash } = issueApiKey();
    const apiKey = await this.tx.run(() =>
      this.apiKeys.insert(
        { name: input.name, access: input.access, prefix, keyHash, createdBy, expiresAt },
        input.administrativeUnitIds,
      ),
    );
    return { apiKey, administrativeUnitIds: [...input.administrativeUnitIds].sort(), key };
  }

  async list(page: PageQueryDto): Promise<[ApiKeyWithUnits[], number]> {
    const [keys, total] = await this.apiKeys.list(page);
    const units = await this.apiKeys.unitIdsByKey(keys.map((key) => key.id));
    return [keys.map((apiKey) => ({ apiKey, administrativeUnitIds: units.get(apiKey.id) ?? [] })), total];
  }

  async get(id: string): Promise<ApiKeyWithUnits> {
    const apiKey = await this.apiKeys.findById(id);
    if (!apiKey) throw new NotFoundError('ApiKey', id);
    const units = await this.apiKeys.unitIdsByKey([id]);
    return { apiKey, administrativeUnitIds: units.get(id) ?? [] };
  }

  /** Revoking twice is not an error, and keeps the first revocation time. */
  async revoke(id: string): Promise<void> {
    await this.tx.run(async () => {
      const apiKey = await this.apiKeys.findByIdForUpdate(id);
      if (!apiKey) throw new NotFoundError('ApiKey', id);
      if (apiKey.revokedAt) return;
      apiKey.revokedAt = this.clock.now();
      await this.apiKeys.save(apiKey);
      this.tx.afterCommit(() => this.invalidations.invalidate(CacheTags.apiKey(id)));
    });
  }

  /**
   * The principal a raw key stands for, or null when it is unknown, revoked or expired (the caller
   * answers all three alike, so a key's state cannot be probed). Looking the key up by its hash
   * leaks nothing useful through timing: an attacker cannot steer the hash of a guess.
   */
  async authenticate(rawKey: string): Promise<Principal | null> {
    if (!looksLikeApiKey(rawKey)) return null;
    const credential = await this.apiKeys.findCredentialByHash(hashApiKey(rawKey));
    const now = this.clock.now();
    if (!credential || !isUsable(credential, now)) return null;
    if (shouldRecordUse(credential.lastUsedAt, now)) {
      await this.apiKeys.touchLastUsed(credential.id, now, new Date(now.getTime() - LAST_USED_RESOLUTION_MS));
    }
    return {
      type: 'api_key',
      id: credential.id,
      name: credential.name,
      access: credential.access,
      administrativeUnitIds: credential.administrativeUnitIds,
    };
  }
}
