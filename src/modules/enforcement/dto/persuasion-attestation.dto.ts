import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { PERSUADERS, type Persuader } from '../domain/enforcement-status.js';

export class PersuasionAttestationDto {
  @ApiProperty({ format: 'uuid', description: 'A recorded visit of this household' })
  @IsUUID()
  visitId: string;

  @ApiProperty({
    enum: PERSUADERS,
    description: 'Who persuaded on that visit: the ward working group or the Fatherland Front',
  })
  @IsIn(PERSUADERS)
  by: Persuader;
}

export const MAX_ATTESTATIONS = 100;
