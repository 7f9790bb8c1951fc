import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type Role } from '../../access/domain/roles.js';
import type { Session } from '../auth.service.js';

export class SessionUserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: [String], format: 'uuid' }) administrativeUnitIds: string[];
}

export class TokenResponse {
  @ApiProperty({ description: 'Send as "Authorization: Bearer <accessToken>"' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
  @ApiProperty({ type: 'integer', description: 'Seconds until the access token expires', example: 900 })
  expiresIn: number;
  @ApiProperty({ description: 'Exchange at /auth/refresh for a new pair; good for one exchange' })
  refreshToken: string;
  @ApiProperty() refreshTokenExpiresAt: Date;
  @ApiProperty({ type: SessionUserResponse }) user: SessionUserResponse;

  static from(session: Session): TokenResponse {
    const { user } = session;
    return {
      accessToken: session.accessToken,
      tokenType: 'Bearer',
      expiresIn: session.expiresIn,
      refreshToken: session.refreshToken,
      refreshTokenExpiresAt: session.refreshTokenExpiresAt,
      user: {
        id: user.id,
        email: user.email,
        fullName: user.fullName,
        role: user.role,
        administrativeUnitIds: user.administrativeUnitIds,
      },
    };
  }
}
