import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable.validator.js';
import { IsCivilDate, IsText } from '../../../common/http/validators.js';
import { DELIVERY_KINDS, type DeliveryKind } from '../domain/enforcement-status.js';
import { attestationKey } from './create-enforcement-record.dto.js';
import {
  MAX_ATTESTATIONS,
  PersuasionAttestationDto,
  PreconditionEvidenceDto,
  PreconditionEvidenceField,
} from './persuasion-attestation.dto.js';

/**
 * Records the decision's posting and delivery and the persuasion file while the record is draft or
 * ready. Absent fields are left alone; `null` clears the nullable ones; `attestations` replaces the list.
 */
export class UpdateEnforcementRecordDto {
  @ApiPropertyOptional({ type: 'integer', description: 'The version this change is based on (or send If-Match)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;

  @ApiPropertyOptional({ example: '1234/QĐ-UBND' })
  @IsOmittable()
  @IsText(1, 100)
  decisionNo?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-03-01' })
  @IsOmittable()
  @IsCivilDate()
  decisionIssuedOn?: string;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-03-02', nullable: true })
  @IsOptional()
  @IsCivilDate()
  decisionPostedOn?: string | null;

  @ApiPropertyOptional({ enum: DELIVERY_KINDS, type: String, nullable: true })
  @IsOptional()
  @IsIn(DELIVERY_KINDS)
  delivery?: DeliveryKind | null;

  @ApiPropertyOptional({ type: String, format: 'date', example: '2026-03-03', nullable: true })
  @IsOptional()
  @IsCivilDate()
  deliveredOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Required when delivery is refused: the witnesses',
  })
  @IsOptional()
  @IsText(1, 4000)
  deliveryNote?: string | null;

  @ApiPropertyOptional({ type: [PersuasionAttestationDto], description: 'Replaces the attested visits' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_ATTESTATIONS)
  @ArrayUnique(attestationKey, { message: 'attestations lists a visit twice for the same body' })
  @ValidateNested({ each: true })
  @Type(() => PersuasionAttestationDto)
  attestations?: PersuasionAttestationDto[];

  @PreconditionEvidenceField()
  evidence?: PreconditionEvidenceDto[];

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  dialogueSessionId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @IsText(1, 4000)
  persuasionNote?: string | null;
}
