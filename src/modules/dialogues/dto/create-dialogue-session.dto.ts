import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsInstant, IsText } from '../../../common/http/validators.js';
import { DIALOGUE_KINDS, type DialogueKind } from '../dialogue-session.entity.js';

export const MAX_INVITED_HOUSEHOLDS = 1000;

export class CreateDialogueSessionDto {
  @ApiProperty({
    format: 'date-time',
    example: '2026-03-20T08:30:00+07:00',
    description: 'When the session is planned, with a time zone',
  })
  @IsInstant()
  scheduledAt: string;

  @ApiProperty({ example: 'Hội trường UBND phường Phú Thượng' })
  @IsText(1, 300)
  location: string;

  @ApiProperty({
    enum: DIALOGUE_KINDS,
    description: 'formal: a minuted dialogue under the Land Law; informal: a group talk',
  })
  @IsIn(DIALOGUE_KINDS)
  kind: DialogueKind;

  @ApiProperty({ example: 'Ông Trần Văn Bình, Chủ tịch UBND phường', description: 'Who chairs the session' })
  @IsText(1, 200)
  chair: string;

  @ApiPropertyOptional({ example: 'Giải đáp phương án bồi thường, hỗ trợ tái định cư' })
  @IsOptional()
  @IsText(0, 5000)
  agenda?: string;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: MAX_INVITED_HOUSEHOLDS,
    description: 'Households of the project invited to the session (may be empty)',
  })
  @IsArray()
  @ArrayMaxSize(MAX_INVITED_HOUSEHOLDS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  householdIds: string[];
}
