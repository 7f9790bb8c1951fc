import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { IsText } from '../../../common/http/validators.js';
import { ROLES, type Role } from '../../access/domain/roles.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListUsersQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Only active (true) or deactivated (false) accounts' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Email or name; diacritics and case ignored ("tran" finds "Trần")' })
  @IsOptional()
  @IsText(1, 100)
  q?: string;
}
