import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import type { Actor } from '../../../common/request-context.js';
import type { AuditEntry } from '../audit-entry.entity.js';

const ACTOR_TYPES = ['user', 'api_key', 'system', 'anonymous'] as const;

export class AuditActorResponse {
  @ApiProperty({ enum: ACTOR_TYPES }) type: Actor['type'];
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) id: string | null;
  @ApiProperty() name: string;
}

export class AuditEntryResponse {
  @ApiProperty({ example: '1042', description: 'Increasing; a string because it may exceed 2^53' }) id: string;
  @ApiProperty() at: Date;
  @ApiProperty({ type: AuditActorResponse }) actor: AuditActorResponse;
  @ApiProperty({ example: 'transition' }) action: string;
  @ApiProperty({ example: 'Household' }) entity: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) projectId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { status: { before: 'persuading', after: 'agreed' } },
    description: '`{ field: { before, after } }`; creations have only `after`. Secrets read "[redacted]".',
  })
  changes: Record<string, unknown>;
  @ApiProperty({ nullable: true, type: String, description: 'The X-Request-Id of the request that made it' })
  requestId: string | null;
  @ApiProperty({ nullable: true, type: String }) ip: string | null;

  static from(entry: AuditEntry): AuditEntryResponse {
    return {
      id: entry.id,
      at: entry.at,
      actor: { type: entry.actorType, id: entry.actorId, name: entry.actorName },
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      projectId: entry.projectId,
      changes: entry.changes,
      requestId: entry.requestId,
      ip: entry.ip,
    };
  }
}

export class AuditEntryPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [AuditEntryResponse] }) items: AuditEntryResponse[];
}
