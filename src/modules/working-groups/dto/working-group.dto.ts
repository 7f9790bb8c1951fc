import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsUUID,
  Min,
} from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable.validator.js';
import { IsText } from '../../../common/http/validators.js';

export const MAX_MEMBERS = 100;
export const MAX_ASSIGNED_AT_ONCE = 1000;

export class CreateWorkingGroupDto {
  @ApiProperty({ example: 'Tổ công tác số 1 — phường Phú Thượng' })
  @IsText(1, 200)
  name: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'A member; added if not listed' })
  @IsOptional()
  @IsUUID()
  leaderId?: string | null;

  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    maxItems: MAX_MEMBERS,
    description: "Users (active accounts of the project's wards)",
  })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(MAX_MEMBERS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  memberIds?: string[];
}

export class UpdateWorkingGroupDto {
  @ApiPropertyOptional({ example: 'Tổ công tác số 1' })
  @IsOmittable()
  @IsText(1, 200)
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'A current member, or null' })
  @IsOptional()
  @IsUUID()
  leaderId?: string | null;

  @ApiPropertyOptional({ type: 'integer', description: 'The version this change is based on (or send If-Match)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  version?: number;
}

export class AddMemberDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  userId: string;
}

export class AssignHouseholdsDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_ASSIGNED_AT_ONCE })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_ASSIGNED_AT_ONCE)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  householdIds: string[];

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid', description: 'A member of the group' })
  @IsOptional()
  @IsUUID()
  leadOfficerId?: string | null;

  @ApiPropertyOptional({ example: 'Chia lại địa bàn theo tổ dân phố' })
  @IsOmittable()
  @IsText(1, 1000)
  reason?: string;
}

export class UnassignHouseholdDto {
  @ApiPropertyOptional({ example: 'Hộ đã bàn giao mặt bằng' })
  @IsOmittable()
  @IsText(1, 1000)
  reason?: string;
}

export class ListWorkingGroupsQuery {
  @ApiPropertyOptional({ description: 'Include disbanded groups', default: false })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeDisbanded?: boolean;
}
