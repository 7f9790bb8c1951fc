import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The single JSON shape of every error the API returns. */
export class ErrorResponse {
  @ApiProperty({ type: 'integer', example: 422 })
  statusCode: number;

  @ApiProperty({ example: 'Unprocessable Entity' })
  error: string;

  @ApiProperty({ example: 'CONSENT_TRANSITION_NOT_ALLOWED', description: 'Stable machine-readable code' })
  code: string;

  @ApiProperty({ example: 'A household cannot move from handed_over to persuading' })
  message: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Structured context. For VALIDATION_FAILED: `{ fields: { "<path>": ["message", ...] } }`',
    example: { fields: { memberCount: ['memberCount must not be less than 0'] } },
  })
  details?: Record<string, unknown>;

  @ApiProperty({ example: 'b7d3c1f0-6a8e-4c55-9c1e-0d7f6f0a9a11' })
  requestId: string;
}
