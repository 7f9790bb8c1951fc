import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import { API_KEY_ACCESS, type ApiKeyAccess } from '../../access/domain/roles.js';
import type { ApiKeyWithUnits, CreatedApiKey } from '../api-keys.service.js';

/** A key as listed: never the key, never its hash. */
export class ApiKeyResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '3f9a2c1e', description: 'The part of the key after `gpmb_`, to tell keys apart' })
  prefix: string;
  @ApiProperty({ enum: API_KEY_ACCESS }) access: ApiKeyAccess;
  @ApiProperty({ type: [String], format: 'uuid' }) administrativeUnitIds: string[];
  @ApiProperty({ format: 'uuid', description: 'The administrator who created it' }) createdBy: string;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date, description: 'Updated at most once a minute' })
  lastUsedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) expiresAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) revokedAt: Date | null;

  static from({ apiKey, administrativeUnitIds }: ApiKeyWithUnits): ApiKeyResponse {
    return {
      id: apiKey.id,
      name: apiKey.name,
      prefix: apiKey.prefix,
      access: apiKey.access,
      administrativeUnitIds,
      createdBy: apiKey.createdBy,
      createdAt: apiKey.createdAt,
      lastUsedAt: apiKey.lastUsedAt,
      expiresAt: apiKey.expiresAt,
      revokedAt: apiKey.revokedAt,
    };
  }
}

export class CreatedApiKeyResponse extends ApiKeyResponse {
  @ApiProperty({
    example: 'gpmb_3f9a2c1e_Jm0lQ2d4Vn9pS1r8XbYkTzAe6HcWq3uLoF5gN7iD2sE',
    description: 'Shown this once: store it now, it cannot be read again. Send it as `X-API-Key`.',
  })
  key: string;

  static fromCreated(created: CreatedApiKey): CreatedApiKeyResponse {
    return { ...ApiKeyResponse.from(created), key: created.key };
  }
}

export class ApiKeyPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [ApiKeyResponse] }) items: ApiKeyResponse[];
}
