import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import { OFFER_STATUSES, type OfferStatus } from '../domain/offer-status.js';
import { UNIT_KINDS, UNIT_STATUSES, type UnitKind, type UnitStatus } from '../domain/resettlement-unit.js';
import type { WaitingEntry } from '../funds.repository.js';
import type { OfferView } from '../offers.repository.js';
import type { ResettlementFund } from '../resettlement-fund.entity.js';
import type { ResettlementUnit } from '../resettlement-unit.entity.js';

export class FundResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() site: string;
  @ApiProperty({ format: 'uuid' }) administrativeUnitId: string;
  @ApiProperty({ type: [String], format: 'uuid' }) projectIds: string[];
  @ApiProperty({ type: 'integer' }) offerExpiryDays: number;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(fund: ResettlementFund, projectIds: string[]): FundResponse {
    return {
      id: fund.id,
      name: fund.name,
      site: fund.site,
      administrativeUnitId: fund.administrativeUnitId,
      projectIds,
      offerExpiryDays: fund.offerExpiryDays,
      version: fund.version,
      createdAt: fund.createdAt,
      updatedAt: fund.updatedAt,
    };
  }
}

export class FundPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [FundResponse] }) items: FundResponse[];
}

export class UnitResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() code: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty() areaM2: number;
  @ApiProperty({ enum: UNIT_STATUSES }) status: UnitStatus;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(unit: ResettlementUnit): UnitResponse {
    return {
      id: unit.id,
      fundId: unit.fundId,
      code: unit.code,
      kind: unit.kind,
      areaM2: unit.areaM2,
      status: unit.status,
      version: unit.version,
      createdAt: unit.createdAt,
      updatedAt: unit.updatedAt,
    };
  }
}

export class UnitPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [UnitResponse] }) items: UnitResponse[];
}

export class UnitsAcceptedResponse {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ type: [UnitResponse], description: 'The units added, available until the offer round runs' })
  units: UnitResponse[];
  @ApiProperty({ description: 'The background round that offers them to the waiting list' })
  job: string;
}

export class WaitingEntryResponse {
  @ApiProperty({
    type: 'integer',
    description:
      "1-based place on the fund's whole waiting list, counting households of projects the caller cannot see",
  })
  position: number;
  @ApiProperty({ format: 'uuid' }) householdId: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() code: string;
  @ApiProperty() headName: string;
  @ApiProperty() vulnerable: boolean;
  @ApiProperty({ description: 'When the household committed: its move to conditional' }) committedAt: Date;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) pendingOfferId: string | null;

  static from(entry: WaitingEntry): WaitingEntryResponse {
    return {
      position: entry.position,
      householdId: entry.householdId,
      projectId: entry.projectId,
      code: entry.code,
      headName: entry.headName,
      vulnerable: entry.vulnerable,
      committedAt: entry.committedAt,
      pendingOfferId: entry.pendingOfferId,
    };
  }
}

export class WaitingListResponse extends PageMetaResponse {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ type: [WaitingEntryResponse] }) items: WaitingEntryResponse[];
}

export class OfferResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitCode: string;
  @ApiProperty({ enum: UNIT_KINDS }) unitKind: UnitKind;
  @ApiProperty() areaM2: number;
  @ApiProperty({ format: 'uuid' }) householdId: string;
  @ApiProperty() householdCode: string;
  @ApiProperty() headName: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ enum: OFFER_STATUSES }) status: OfferStatus;
  @ApiProperty() offeredAt: Date;
  @ApiProperty() expiresAt: Date;
  @ApiProperty({ nullable: true, type: Date }) respondedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) closedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: 'integer' }) version: number;

  static from(view: OfferView): OfferResponse {
    const { offer } = view;
    return {
      id: offer.id,
      fundId: view.fundId,
      unitId: offer.unitId,
      unitCode: view.unitCode,
      unitKind: view.unitKind,
      areaM2: view.areaM2,
      householdId: offer.householdId,
      householdCode: view.householdCode,
      headName: view.headName,
      projectId: view.projectId,
      status: offer.status,
      offeredAt: offer.offeredAt,
      expiresAt: offer.expiresAt,
      respondedAt: offer.respondedAt,
      closedAt: offer.closedAt,
      note: offer.note,
      version: offer.version,
    };
  }
}

export class OfferPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [OfferResponse] }) items: OfferResponse[];
}
