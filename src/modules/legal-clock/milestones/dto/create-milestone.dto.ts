import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, ValidateBy, ValidateIf } from 'class-validator';
import { IsCivilDate, IsText } from '../../../../common/http/validators.js';
import { LAND_KINDS, type LandKind, MILESTONE_KINDS, type MilestoneKind } from '../domain/milestone-deadlines.js';

export class CreateMilestoneDto {
  @ApiProperty({ enum: MILESTONE_KINDS })
  @IsIn(MILESTONE_KINDS)
  kind: MilestoneKind;

  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'The legal day it happened' })
  @IsCivilDate()
  occurredOn: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A household of the project; omitted for the whole project' })
  @IsOptional()
  @IsUUID()
  householdId?: string;

  @ApiPropertyOptional({
    enum: LAND_KINDS,
    description: 'Required for recovery_notice_sent (90 or 180 days before a decision), refused otherwise',
  })
  @ValidateIf((dto: CreateMilestoneDto) => dto.kind === 'recovery_notice_sent' || dto.landKind !== undefined)
  @IsIn(LAND_KINDS, { message: 'landKind must be agricultural or non_agricultural for a recovery notice' })
  @ValidateBy({
    name: 'landKindOnlyForNotices',
    validator: {
      validate: (_value: unknown, args) => (args?.object as CreateMilestoneDto).kind === 'recovery_notice_sent',
      defaultMessage: () => 'landKind is only recorded for recovery_notice_sent',
    },
  })
  landKind?: LandKind;

  @ApiPropertyOptional({ example: 'Thông báo số 125/TB-UBND gửi trực tiếp tới hộ' })
  @IsOptional()
  @IsText(0, 5000)
  note?: string;
}
