import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import {
  ADMINISTRATIVE_LEVELS,
  type AdministrativeLevel,
  type AdministrativeUnit,
} from '../administrative-unit.entity.js';

export class AdministrativeUnitResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ADMINISTRATIVE_LEVELS }) level: AdministrativeLevel;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date', example: '2025-07-01' }) validFrom: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) validTo: string | null;
  @ApiProperty() createdAt: Date;

  static from(unit: AdministrativeUnit): AdministrativeUnitResponse {
    return {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      level: unit.level,
      parentId: unit.parentId,
      validFrom: unit.validFrom,
      validTo: unit.validTo,
      createdAt: unit.createdAt,
    };
  }
}

export class AdministrativeUnitPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [AdministrativeUnitResponse] }) items: AdministrativeUnitResponse[];
}
