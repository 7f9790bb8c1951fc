import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { IsCivilDate, IsInstant, IsText } from '../../../common/http/validators.js';
import {
  COMMITMENT_SCOPES,
  COMMITMENT_STATUSES,
  type CommitmentScope,
  type CommitmentStatus,
  REVIEW_RATINGS,
  type ReviewRating,
} from '../domain/commitment.rules.js';

export const MAX_COMMITMENT_HOUSEHOLDS = 500;

export class CreateCommitmentDto {
  @ApiProperty({ example: 'Hoàn thành GPMB dự án mương thoát nước Thụy Khuê' })
  @IsText(1, 500)
  title: string;

  @ApiProperty({ format: 'uuid', description: 'The unit whose committee the cadre answers to' })
  @IsUUID()
  administrativeUnitId: string;

  @ApiProperty({ type: 'integer', example: 2023, description: 'The year of the registration' })
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'The cadre who commits; default: the caller' })
  @IsOptional()
  @IsUUID()
  ownerId?: string;

  @ApiPropertyOptional({ example: 'Chủ tịch UBND phường Thụy Khuê' })
  @IsOptional()
  @IsText(1, 200)
  ownerTitle?: string;

  @ApiProperty({ enum: COMMITMENT_SCOPES, description: 'A project, some of its households, or free text' })
  @IsIn(COMMITMENT_SCOPES)
  scopeKind: CommitmentScope;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for project and households scopes' })
  @ValidateIf((dto: CreateCommitmentDto) => dto.scopeKind !== 'free_text' || dto.projectId !== undefined)
  @IsUUID()
  projectId?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Required for a households scope' })
  @ValidateIf((dto: CreateCommitmentDto) => dto.scopeKind === 'households' || dto.householdIds !== undefined)
  @IsArray()
  @ArrayMaxSize(MAX_COMMITMENT_HOUSEHOLDS)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  householdIds?: string[];

  @ApiPropertyOptional({
    example: 'Di dời các thuyền neo đậu tại Đầm Bảy ra khỏi hồ Tây',
    description: 'Required for free text',
  })
  @ValidateIf((dto: CreateCommitmentDto) => dto.scopeKind === 'free_text' || dto.scopeText !== undefined)
  @IsText(1, 4000)
  scopeText?: string;

  @ApiProperty({ example: 'Vận động 44 hộ còn lại; cuối năm không quá 8 hộ, cam kết bàn giao khi có nhà tái định cư' })
  @IsText(1, 4000)
  target: string;

  @ApiProperty({ format: 'date', example: '2023-12-31' })
  @IsCivilDate()
  deadline: string;
}

export class CommitmentProgressDto {
  @ApiProperty({ example: 'Đã vận động thêm 12 hộ ký biên bản đồng ý' })
  @IsText(1, 4000)
  note: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  progressPercent?: number;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Evidence files attached to this commitment' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  evidenceIds?: string[];

  @ApiPropertyOptional({ format: 'date-time', description: 'When the progress was made; default: now' })
  @IsOptional()
  @IsInstant()
  at?: string;
}

export class CloseCommitmentDto {
  @ApiProperty({ enum: ['done', 'not_done'] })
  @IsIn(['done', 'not_done'])
  outcome: Exclude<CommitmentStatus, 'open'>;

  @ApiProperty({ example: 'Đã hoàn thành; 8 hộ còn lại cam kết bàn giao khi có nhà tái định cư' })
  @IsText(1, 4000)
  note: string;
}

export class ReviewCommitmentDto {
  @ApiProperty({ enum: REVIEW_RATINGS, description: 'excellent, good, completed (hoàn thành), not_completed' })
  @IsIn(REVIEW_RATINGS)
  rating: ReviewRating;

  @ApiProperty({ example: 'Đồng chí đã trực tiếp đối thoại với từng hộ; kết quả rõ rệt' })
  @IsText(1, 4000)
  comments: string;
}

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListCommitmentsQuery extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Commitments registered in this unit' })
  @IsOptional()
  @IsUUID()
  administrativeUnitId?: string;

  @ApiPropertyOptional({ type: 'integer', example: 2023 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: COMMITMENT_STATUSES })
  @IsOptional()
  @IsIn(COMMITMENT_STATUSES)
  status?: CommitmentStatus;

  @ApiPropertyOptional({ description: 'Only those reviewed (true) or not yet (false)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  reviewed?: boolean;

  @ApiPropertyOptional({ format: 'uuid', description: "One cadre's commitments" })
  @IsOptional()
  @IsUUID()
  ownerId?: string;
}
