import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../../common/http/pagination.js';
import { IsText } from '../../../common/http/validators.js';
import { CONSENT_STATUSES, type ConsentStatus } from '../domain/consent-status.js';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);
const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)
    : value;

export const HOUSEHOLD_SORTS = ['code', 'headName', 'lastContactAt', 'nextFollowUpOn', 'landAreaM2'] as const;
export type HouseholdSort = (typeof HOUSEHOLD_SORTS)[number];
/** What `sort` accepts: a field, ascending, or `-field`, descending. */
export const HOUSEHOLD_SORT_VALUES = [...HOUSEHOLD_SORTS, ...HOUSEHOLD_SORTS.map((s) => `-${s}` as const)];

export class ListHouseholdsQuery extends PageQueryDto {
  @ApiPropertyOptional({
    enum: CONSENT_STATUSES,
    isArray: true,
    description: 'One status or several: repeat the parameter, or separate them with commas',
    example: ['objecting', 'conditional'],
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(CONSENT_STATUSES.length)
  @IsIn(CONSENT_STATUSES, { each: true, message: `status must be among: ${CONSENT_STATUSES.join(', ')}` })
  status?: ConsentStatus[];

  @ApiPropertyOptional({ description: 'Name, address or code; diacritics and case ignored ("nguyen" finds "Nguyễn")' })
  @IsOptional()
  @IsText(1, 100)
  q?: string;

  @ApiPropertyOptional({ description: 'Only households whose next follow-up date has passed' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  followUpOverdue?: boolean;

  @ApiPropertyOptional({ description: 'Include archived households' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeArchived?: boolean;

  @ApiPropertyOptional({ enum: HOUSEHOLD_SORT_VALUES, default: 'code', description: 'Prefix with - for descending' })
  @IsOptional()
  @IsIn(HOUSEHOLD_SORT_VALUES)
  sort?: string;

  @ApiPropertyOptional({
    description:
      'The `nextCursor` of the previous page (same filters and sort): the page after it, read by keyset ' +
      'however deep it is. Not with `offset`.',
  })
  @IsOptional()
  @IsText(1, 1000)
  cursor?: string;
}
