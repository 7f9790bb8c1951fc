import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { PRECONDITIONS, type Precondition } from '../domain/enforcement-preconditions.js';
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

export class PreconditionEvidenceDto {
  @ApiProperty({ enum: PRECONDITIONS, description: 'The precondition the file proves' })
  @IsIn(PRECONDITIONS)
  precondition: Precondition;

  @ApiProperty({
    format: 'uuid',
    description: 'An evidence file about this household (or of the dialogue session on the record), current',
  })
  @IsUUID()
  evidenceId: string;
}

export const MAX_PRECONDITION_EVIDENCE = 50;

export const evidenceKey = (e: PreconditionEvidenceDto | undefined) => `${e?.precondition}/${e?.evidenceId}`;
