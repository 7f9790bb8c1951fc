import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable.validator.js';
import { IsText } from '../../../common/http/validators.js';
import { DEFAULT_OFFER_EXPIRY_DAYS } from '../domain/offer-status.js';

export class CreateFundDto {
  @ApiProperty({ example: 'Quỹ nhà tái định cư Đông Ngạc' })
  @IsText(1, 300)
  name: string;

  @ApiProperty({ example: 'Tòa CT2, khu tái định cư Đông Ngạc, Bắc Từ Liêm, Hà Nội' })
  @IsText(1, 500)
  site: string;

  @ApiProperty({ format: 'uuid', description: 'The ward (or commune) where the housing lies' })
  @IsUUID()
  administrativeUnitId: string;

  @ApiProperty({ type: [String], format: 'uuid', description: 'Projects whose households the fund houses' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  projectIds: string[];

  @ApiPropertyOptional({
    type: 'integer',
    default: DEFAULT_OFFER_EXPIRY_DAYS,
    description: 'Days a household has to answer an offer before the unit goes to the next household',
  })
  @IsOmittable()
  @IsInt()
  @Min(1)
  @Max(365)
  offerExpiryDays?: number;
}
