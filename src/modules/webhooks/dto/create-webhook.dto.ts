import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsOptional, IsUrl, MaxLength } from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable.validator.js';
import { IsText } from '../../../common/http/validators.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../domain/webhook-events.js';

/**
 * http(s) only; a host without a dot (an intranet name) is well-formed. Whether the host may be an
 * internal address is the service's check (WEBHOOK_ALLOW_PRIVATE_TARGETS), which resolves the name.
 */
export const IsWebhookUrl = () =>
  IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false, allow_underscores: true },
    { message: '$property must be an http:// or https:// URL' },
  );

export class CreateWebhookDto {
  @ApiProperty({
    format: 'uri',
    maxLength: 2000,
    example: 'https://hethong.hanoi.gov.vn/gpmb/webhooks',
    description:
      'http(s) URL receiving POSTs. Its host must be, and resolve only to, public addresses: loopback, private, ' +
      'link-local and other internal ones are refused unless the server allows private targets',
  })
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

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Cổng thông tin GPMB thành phố Hà Nội' })
  @IsOptional()
  @IsText(0, 1000)
  description?: string | null;
}
