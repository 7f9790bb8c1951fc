import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Min, ValidateNested } from 'class-validator';
import { IsCivilDate, IsText } from '../../../common/http/validators.js';
import {
  CONSENT_CONDITIONS,
  CONSENT_STATUSES,
  type ConsentCondition,
  type ConsentStatus,
  HANDOVER_MODES,
  type HandoverMode,
} from '../domain/consent-status.js';

export class EvidenceDto {
  @ApiProperty({ example: 'minutes', description: 'What the evidence is: minutes, signed_form, photo, decision…' })
  @IsText(1, 50)
  kind: string;

  @ApiProperty({ example: 'BB-2023-117', description: 'Document number, file reference or URL' })
  @IsText(1, 500)
  reference: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsText(0, 2000)
  note?: string;
}

export class ConsentTransitionDto {
  @ApiProperty({ enum: CONSENT_STATUSES, description: 'The status to move to' })
  @IsIn(CONSENT_STATUSES)
  status: ConsentStatus;

  @ApiProperty({ example: 'Hộ đồng ý phương án bồi thường sau buổi đối thoại ngày 12/5' })
  @IsText(1, 4000)
  reason: string;

  @ApiPropertyOptional({
    enum: CONSENT_STATUSES,
    description: 'The status the caller believes is current; refused with 409 when it is not',
  })
  @IsOptional()
  @IsIn(CONSENT_STATUSES)
  from?: ConsentStatus;

  @ApiPropertyOptional({ enum: CONSENT_CONDITIONS, description: 'Required for conditional' })
  @IsOptional()
  @IsIn(CONSENT_CONDITIONS)
  condition?: ConsentCondition;

  @ApiPropertyOptional({ example: 'Bàn giao khi có căn hộ tái định cư' })
  @IsOptional()
  @IsText(1, 2000)
  conditionNote?: string;

  @ApiPropertyOptional({
    enum: HANDOVER_MODES,
    description: 'For handed_over; derived from the current status when omitted',
  })
  @IsOptional()
  @IsIn(HANDOVER_MODES)
  handoverMode?: HandoverMode;

  @ApiPropertyOptional({ format: 'date', example: '2023-11-20', description: 'Required for handed_over' })
  @IsOptional()
  @IsCivilDate()
  handedOverOn?: string;

  @ApiPropertyOptional({ type: [EvidenceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => EvidenceDto)
  evidence?: EvidenceDto[];

  @ApiPropertyOptional({
    type: 'integer',
    description: 'The household version this change is based on (or send If-Match)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
