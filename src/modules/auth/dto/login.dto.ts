import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, toEmail } from '../../users/dto/create-user.dto.js';

export class LoginDto {
  @ApiProperty({ format: 'email', example: 'mai.tran@tayho.hanoi.gov.vn' })
  @Transform(toEmail)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  /** No minimum here: a policy change must not stop existing passwords from signing in. */
  @ApiProperty({ writeOnly: true })
  @IsString()
  @MinLength(1)
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;
}
