import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import { ROLES, type Role } from '../../access/domain/roles.js';
import type { User } from '../user.entity.js';

/** What admins see of an account; built field by field so no credential can slip through. */
export class UserResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() active: boolean;
  @ApiProperty({ type: [String], format: 'uuid' }) administrativeUnitIds: string[];
  @ApiProperty({ type: 'integer', description: 'Wrong passwords in a row since the last successful sign-in' })
  failedLogins: number;
  @ApiProperty({ nullable: true, type: Date, description: 'Signing in is refused until then' })
  lockedUntil: Date | null;
  @ApiProperty({ nullable: true, type: Date }) lastLoginAt: Date | null;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(user: User, administrativeUnitIds: string[]): UserResponse {
    return {
      id: user.id,
      email: user.email,
      fullName: user.fullName,
      role: user.role,
      active: user.active,
      administrativeUnitIds,
      failedLogins: user.failedLogins,
      lockedUntil: user.lockedUntil,
      lastLoginAt: user.lastLoginAt,
      version: user.version,
      createdAt: user.createdAt,
      updatedAt: user.updatedAt,
    };
  }
}

export class UserPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [UserResponse] }) items: UserResponse[];
}
