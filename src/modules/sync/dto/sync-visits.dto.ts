import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, IsUUID, Matches, ValidateNested } from 'class-validator';
import type { ErrorResponse } from '../../../common/errors/error-response.js';
import { CreateVisitDto } from '../../visits/dto/create-visit.dto.js';
import { VisitResponse } from '../../visits/dto/visit.response.js';

export const MAX_SYNC_ITEMS = 500;

/** One visit made offline, as the phone kept it. Checked on its own: a bad item refuses only itself. */
export class SyncVisitItemDto {
  @ApiProperty({
    example: '7f9c2b1e-phone-3-visit-118',
    description: "The phone's own id for this visit: its idempotency key (1–200 visible ASCII characters)",
  })
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'clientId must be 1 to 200 visible ASCII characters' })
  clientId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  householdId: string;

  @ApiProperty({ type: CreateVisitDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CreateVisitDto)
  visit: CreateVisitDto;
}

export class SyncVisitsDto {
  @ApiProperty({
    type: [SyncVisitItemDto],
    minItems: 1,
    maxItems: MAX_SYNC_ITEMS,
    description: 'Applied in order, each in its own transaction; each item is validated on its own',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SYNC_ITEMS)
  @IsObject({ each: true })
  items: Array<Record<string, unknown>>;
}

export const SYNC_OUTCOMES = ['created', 'replayed', 'rejected'] as const;
export type SyncOutcome = (typeof SYNC_OUTCOMES)[number];

export class SyncItemErrorResponse {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'VALIDATION_FAILED' }) code: string;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'e.g. fields → messages' })
  details?: Record<string, unknown>;
}

export class SyncVisitResultResponse {
  @ApiProperty({ type: 'integer', description: 'Position of the item in the batch' }) index: number;
  @ApiProperty({ type: String, nullable: true }) clientId: string | null;
  @ApiProperty({ enum: SYNC_OUTCOMES, description: 'replayed: an earlier sync already recorded it' })
  outcome: SyncOutcome;
  @ApiPropertyOptional({ type: VisitResponse }) visit?: VisitResponse;
  @ApiPropertyOptional({ type: SyncItemErrorResponse, description: 'Why the item was refused' })
  error?: Omit<ErrorResponse, 'requestId'>;
}

export class SyncVisitCountsResponse {
  @ApiProperty({ type: 'integer' }) created: number;
  @ApiProperty({ type: 'integer' }) replayed: number;
  @ApiProperty({ type: 'integer' }) rejected: number;
}

export class SyncVisitsResponse {
  @ApiProperty({ type: [SyncVisitResultResponse], description: 'One per item, in order' })
  results: SyncVisitResultResponse[];
  @ApiProperty({ type: SyncVisitCountsResponse })
  counts: Record<SyncOutcome, number>;
}
