import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsUUID,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ErrorResponse } from '../../../common/errors/error-response.js';
import { ConsentTransitionDto } from '../../households/dto/consent-transition.dto.js';
import { MAX_SYNC_ITEMS, SyncItemErrorResponse } from './sync-visits.dto.js';

/** A consent move decided offline, with the household version the phone had when it was decided. */
export class SyncConsentMoveItemDto {
  @ApiProperty({ example: 'phone-3-move-12', description: "The phone's id for this move: its idempotency key" })
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'clientId must be 1 to 200 visible ASCII characters' })
  clientId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  householdId: string;

  @ApiProperty({
    type: 'integer',
    description: 'The household version the move was decided on; a household changed since is a conflict',
  })
  @IsInt()
  @Min(1)
  basedOnVersion: number;

  @ApiProperty({ type: ConsentTransitionDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentTransitionDto)
  move: ConsentTransitionDto;
}

export class SyncConsentMovesDto {
  @ApiProperty({ type: [SyncConsentMoveItemDto], minItems: 1, maxItems: MAX_SYNC_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_SYNC_ITEMS)
  @IsObject({ each: true })
  items: Array<Record<string, unknown>>;
}

export const MOVE_OUTCOMES = ['moved', 'replayed', 'conflict', 'rejected'] as const;
export type MoveOutcome = (typeof MOVE_OUTCOMES)[number];

export class HouseholdStateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ nullable: true, type: Date }) statusChangedAt: Date | null;
}

export class SyncConsentMoveResultResponse {
  @ApiProperty({ type: 'integer' }) index: number;
  @ApiProperty({ type: String, nullable: true }) clientId: string | null;
  @ApiProperty({
    enum: MOVE_OUTCOMES,
    description: 'conflict: the household changed since the move was decided (its current state is given)',
  })
  outcome: MoveOutcome;
  @ApiPropertyOptional({ type: HouseholdStateResponse, description: 'The household after the move, or now' })
  household?: HouseholdStateResponse;
  @ApiPropertyOptional({ type: SyncItemErrorResponse }) error?: Omit<ErrorResponse, 'requestId'>;
}

export class SyncConsentMoveCountsResponse {
  @ApiProperty({ type: 'integer' }) moved: number;
  @ApiProperty({ type: 'integer' }) replayed: number;
  @ApiProperty({ type: 'integer' }) conflict: number;
  @ApiProperty({ type: 'integer' }) rejected: number;
}

export class SyncConsentMovesResponse {
  @ApiProperty({ type: [SyncConsentMoveResultResponse] }) results: SyncConsentMoveResultResponse[];
  @ApiProperty({ type: SyncConsentMoveCountsResponse })
  counts: Record<MoveOutcome, number>;
}
