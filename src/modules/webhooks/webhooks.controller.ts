import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { pageOf, PageQueryDto } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { ETAG_HEADER, ApiIfMatch, ExpectedVersion } from '../../common/http/versioning.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, Requires } from '../access/access.decorators.js';
import { CreateWebhookDto } from './dto/create-webhook.dto.js';
import { UpdateWebhookDto } from './dto/update-webhook.dto.js';
import {
  CreatedWebhookResponse,
  WebhookDeliveryPageResponse,
  WebhookDeliveryResponse,
  WebhookPageResponse,
  WebhookResponse,
} from './dto/webhook.response.js';
import { WebhooksService } from './webhooks.service.js';

@ApiTags('webhooks')
@Controller()
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post('webhooks')
  @Requires('webhooks:manage')
  @ApiOperation({
    summary: 'Subscribe a URL to events; the answer carries the signing secret, shown this once',
    description:
      'Each delivery is a POST with a JSON body `{ id, event, createdAt, data }` and the headers X-GPMB-Event, ' +
      'X-GPMB-Delivery (dedupe on it: delivery is at least once), X-GPMB-Timestamp (unix seconds) and ' +
      'X-GPMB-Signature: sha256=<hex HMAC-SHA256 of the raw body with the secret>. Any 2xx acknowledges; ' +
      'anything else, or no answer within 10 s, is retried with exponential backoff.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponse })
  @ApiErrorResponses(400)
  async create(@Body() body: CreateWebhookDto, @CurrentActor() actor: Actor): Promise<CreatedWebhookResponse> {
    return CreatedWebhookResponse.withSecret(await this.webhooks.create(body, actor));
  }

  @Get('webhooks')
  @Requires('webhooks:manage')
  @ApiOperation({ summary: 'List webhook subscriptions, newest first' })
  @ApiOkResponse({ type: WebhookPageResponse })
  @ApiErrorResponses(400)
  async list(@Query() query: PageQueryDto): Promise<WebhookPageResponse> {
    const [rows, total] = await this.webhooks.list(query);
    return pageOf(rows, total, query, WebhookResponse.from);
  }

  @Get('webhooks/:id')
  @Requires('webhooks:manage')
  @ApiOperation({ summary: 'One webhook subscription (never its secret)' })
  @ApiOkResponse({
    type: WebhookResponse,
    headers: ETAG_HEADER,
  })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<WebhookResponse> {
    const found = await this.webhooks.get(id);
    return WebhookResponse.from(found);
  }

  @Patch('webhooks/:id')
  @Requires('webhooks:manage')
  @ApiOperation({ summary: 'Change the URL or events, or switch a subscription off and on' })
  @ApiIfMatch()
  @ApiOkResponse({ type: WebhookResponse })
  @ApiErrorResponses(400, 404, 409, 412)
  async update(
    @Param('id', ParseId) id: string,
    @Body() body: UpdateWebhookDto,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<WebhookResponse> {
    const updated = await this.webhooks.update(id, body, expected);
    return WebhookResponse.from(updated);
  }

  @Get('webhooks/:id/deliveries')
  @Requires('webhooks:manage')
  @ApiOperation({ summary: "A subscription's delivery log, newest first" })
  @ApiOkResponse({ type: WebhookDeliveryPageResponse })
  @ApiErrorResponses(400, 404)
  async deliveries(
    @Param('id', ParseId) id: string,
    @Query() query: PageQueryDto,
  ): Promise<WebhookDeliveryPageResponse> {
    const [rows, total] = await this.webhooks.deliveries(id, query);
    return pageOf(rows, total, query, WebhookDeliveryResponse.from);
  }

  @Post('webhook-deliveries/:id/resend')
  @HttpCode(202)
  @Requires('webhooks:manage')
  @ApiOperation({
    summary: 'Send a delivered or failed delivery again, with a fresh retry budget',
    description: 'Refused with 409 while the delivery is still being attempted.',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponse })
  @ApiErrorResponses(400, 404, 409)
  async resend(@Param('id', ParseId) id: string): Promise<WebhookDeliveryResponse> {
    return WebhookDeliveryResponse.from(await this.webhooks.resend(id));
  }
}
