import { COUNT_CAP } from '../household-list.js';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import type { ConsentTransition, EvidenceRef } from '../consent-transition.entity.js';
import {
  CONSENT_CONDITIONS,
  CONSENT_STATUSES,
  type ConsentCondition,
  type ConsentStatus,
  HANDOVER_MODES,
  type HandoverMode,
} from '../domain/consent-status.js';
import type { Household, LandAreaSource } from '../household.entity.js';
import type { LandParcel } from '../land-parcel.entity.js';

export class LandParcelResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() mapSheet: string;
  @ApiProperty() parcelNumber: string;
  @ApiProperty() areaM2: number;
  @ApiProperty({ nullable: true, type: String }) landUse: string | null;

  static from(parcel: LandParcel): LandParcelResponse {
    return {
      id: parcel.id,
      mapSheet: parcel.mapSheet,
      parcelNumber: parcel.parcelNumber,
      areaM2: parcel.areaM2,
      landUse: parcel.landUse,
    };
  }
}

export class HouseholdResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() code: string;
  @ApiProperty() headName: string;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: 'integer' }) memberCount: number | null;
  @ApiProperty() landAreaM2: number;
  @ApiProperty({ enum: ['declared', 'parcels'] }) landAreaSource: LandAreaSource;
  @ApiPropertyOptional({ type: [LandParcelResponse], description: 'Present on single-household reads' })
  parcels?: LandParcelResponse[];
  @ApiProperty() needsResettlement: boolean;
  @ApiProperty() vulnerable: boolean;
  @ApiProperty({ enum: CONSENT_STATUSES }) status: ConsentStatus;
  @ApiProperty({ enum: CONSENT_CONDITIONS, nullable: true }) condition: ConsentCondition | null;
  @ApiProperty({ nullable: true, type: String }) conditionNote: string | null;
  @ApiProperty({ enum: HANDOVER_MODES, nullable: true }) handoverMode: HandoverMode | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) handedOverOn: string | null;
  @ApiProperty() statusChangedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) lastContactAt: Date | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) nextFollowUpOn: string | null;
  @ApiProperty() archived: boolean;
  @ApiProperty({ nullable: true, type: Date }) archivedAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) archiveReason: string | null;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(household: Household, parcels?: LandParcel[]): HouseholdResponse {
    return {
      id: household.id,
      projectId: household.projectId,
      code: household.code,
      headName: household.headName,
      address: household.address,
      phone: household.phone,
      memberCount: household.memberCount,
      landAreaM2: household.landAreaM2,
      landAreaSource: household.landAreaSource,
      ...(parcels ? { parcels: parcels.map(LandParcelResponse.from) } : {}),
      needsResettlement: household.needsResettlement,
      vulnerable: household.vulnerable,
      status: household.status,
      condition: household.consentCondition,
      conditionNote: household.consentConditionNote,
      handoverMode: household.handoverMode,
      handedOverOn: household.handedOverOn,
      statusChangedAt: household.statusChangedAt,
      lastContactAt: household.lastContactAt,
      nextFollowUpOn: household.nextFollowUpOn,
      archived: household.archivedAt !== null,
      archivedAt: household.archivedAt,
      archiveReason: household.archiveReason,
      version: household.version,
      createdAt: household.createdAt,
      updatedAt: household.updatedAt,
    };
  }
}

export class HouseholdPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [HouseholdResponse] }) items: HouseholdResponse[];

  @ApiProperty({
    description: `False when more rows match than are counted (${COUNT_CAP}): \`total\` is then a lower bound`,
  })
  totalExact: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page (keyset: as fast at any depth); null on the last page',
  })
  nextCursor: string | null;
}

export class EvidenceResponse {
  @ApiProperty() kind: string;
  @ApiProperty() reference: string;
  @ApiPropertyOptional() note?: string;
}

export class ConsentHistoryEntryResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: CONSENT_STATUSES }) from: ConsentStatus;
  @ApiProperty({ enum: CONSENT_STATUSES }) to: ConsentStatus;
  @ApiProperty() reason: string;
  @ApiProperty({ enum: CONSENT_CONDITIONS, nullable: true }) condition: ConsentCondition | null;
  @ApiProperty({ nullable: true, type: String }) conditionNote: string | null;
  @ApiProperty({ enum: HANDOVER_MODES, nullable: true }) handoverMode: HandoverMode | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) handedOverOn: string | null;
  @ApiProperty({ type: [EvidenceResponse] }) evidence: EvidenceRef[];
  @ApiProperty({ nullable: true, type: String, description: 'The visit that caused it, if any' }) visitId:
    string | null;
  @ApiProperty({ description: 'Name of the user or API key at the time' }) actor: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) actorId: string | null;
  @ApiProperty() at: Date;

  static from(row: ConsentTransition): ConsentHistoryEntryResponse {
    return {
      id: row.id,
      from: row.fromStatus,
      to: row.toStatus,
      reason: row.reason,
      condition: row.consentCondition,
      conditionNote: row.consentConditionNote,
      handoverMode: row.handoverMode,
      handedOverOn: row.handedOverOn,
      evidence: row.evidence,
      visitId: row.visitId,
      actor: row.actor,
      actorId: row.actorId,
      at: row.at,
    };
  }
}

export class ConsentHistoryResponse {
  @ApiProperty({ format: 'uuid' }) householdId: string;
  @ApiProperty({ type: [ConsentHistoryEntryResponse], description: 'Oldest first' })
  items: ConsentHistoryEntryResponse[];
}
