import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsText } from '../../../common/http/validators.js';
import { ROLES, type Role } from '../../access/domain/roles.js';

export const PASSWORD_MIN_LENGTH = 10;
/** argon2 cost does not grow with length, but a megabyte "password" is still not one. */
export const PASSWORD_MAX_LENGTH = 256;

/** Emails compare case-insensitively; storing them folded keeps lookups on the unique index. */
export const toEmail = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class CreateUserDto {
  @ApiProperty({ format: 'email', example: 'mai.tran@tayho.hanoi.gov.vn', description: 'Unique, case-insensitive' })
  @Transform(toEmail)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, writeOnly: true })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @ApiProperty({ example: 'Trần Thị Mai' })
  @IsText(1, 200)
  fullName: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role: Role;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'Units the user works in; they see these and every unit below them (admins see everything)',
  })
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  administrativeUnitIds: string[];
}
