import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { IsCivilDate, IsText } from '../../../common/http/validators.js';
import { DELIVERY_KINDS, type DeliveryKind } from '../domain/enforcement-status.js';
import {
  MAX_ATTESTATIONS,
  PersuasionAttestationDto,
  PreconditionEvidenceDto,
  PreconditionEvidenceField,
} from './persuasion-attestation.dto.js';

const attestationKey = (a: PersuasionAttestationDto | undefined) => `${a?.visitId}/${a?.by}`;

/** The decision to enforce, and whatever of its posting, delivery and persuasion file is already known. */
export class CreateEnforcementRecordDto {
  @ApiProperty({ example: '1234/QĐ-UBND', description: 'Number of the enforcement decision' })
  @IsText(1, 100)
  decisionNo: string;

  @ApiProperty({ format: 'date', example: '2026-03-01' })
  @IsCivilDate()
  decisionIssuedOn: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-03-02',
    description: 'Posted at the ward office and the residential area',
  })
  @IsOptional()
  @IsCivilDate()
  decisionPostedOn?: string | null;

  @ApiPropertyOptional({
    enum: DELIVERY_KINDS,
    type: String,
    nullable: true,
    description: 'refused: the household refused to receive it, recorded with witnesses; counts as delivered',
  })
  @IsOptional()
  @IsIn(DELIVERY_KINDS)
  delivery?: DeliveryKind | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-03-03',
    description: 'Required with delivery',
  })
  @IsOptional()
  @IsCivilDate()
  deliveredOn?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Hộ từ chối nhận; có sự chứng kiến của tổ trưởng tổ dân phố số 9 và công an phường',
    description: 'Required when delivery is refused: the witnesses',
  })
  @IsOptional()
  @IsText(1, 4000)
  deliveryNote?: string | null;

  @ApiPropertyOptional({
    type: [PersuasionAttestationDto],
    description: 'Visits of this household attested as persuasion (the full list)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_ATTESTATIONS)
  @ArrayUnique(attestationKey, { message: 'attestations lists a visit twice for the same body' })
  @ValidateNested({ each: true })
  @Type(() => PersuasionAttestationDto)
  attestations?: PersuasionAttestationDto[];

  @PreconditionEvidenceField()
  evidence?: PreconditionEvidenceDto[];

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'A held dialogue session the household was invited to',
  })
  @IsOptional()
  @IsUUID()
  dialogueSessionId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Đã vận động 6 lần từ năm 2022' })
  @IsOptional()
  @IsText(1, 4000)
  persuasionNote?: string | null;
}

export { attestationKey };
