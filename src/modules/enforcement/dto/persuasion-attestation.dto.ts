import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsOptional, IsUUID, ValidateNested } from 'class-validator';
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

const evidenceKey = (e: PreconditionEvidenceDto | undefined) => `${e?.precondition}/${e?.evidenceId}`;

/** The `evidence` field of a record's creation and correction: the full list of precondition pointers. */
export const PreconditionEvidenceField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: [PreconditionEvidenceDto],
      description:
        'Evidence files that prove preconditions (the full list), e.g. a photo of the posted decision for ' +
        'decision_posted, the signed receipt or the witnessed refusal for decision_delivered',
    }),
    IsOptional(),
    IsArray(),
    ArrayMaxSize(MAX_PRECONDITION_EVIDENCE),
    ArrayUnique(evidenceKey, { message: 'evidence lists a file twice for the same precondition' }),
    ValidateNested({ each: true }),
    Type(() => PreconditionEvidenceDto),
  );
