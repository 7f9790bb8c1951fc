import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable.validator.js';
import { IsText } from '../../../common/http/validators.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../domain/webhook-events.js';

/** http(s) only; a host without a dot (an intranet name, localhost) is allowed for on-premise receivers. */
export const IsWebhookUrl = () =>
  IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_underscores: true },
    { message: '$property must be an http:// or https:// URL' },
  );

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hethong.hanoi.gov.vn/gpmb/webhooks', description: 'http(s) URL receiving POSTs' })
  @IsWebhookUrl()
  @MaxLength(2000)
  url: string;

  @ApiProperty({ enum: WEBHOOK_EVENTS, isArray: true, example: ['household.status_changed'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENTS.length)
  @IsIn(WEBHOOK_EVENTS, { each: true, message: `each value in events must be one of: ${WEBHOOK_EVENTS.join(', ')}` })
  events: WebhookEvent[];

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ example: 'Cổng thông tin GPMB thành phố Hà Nội' })
  @IsOptional()
  @IsText(0, 1000)
  description?: string | null;
}
