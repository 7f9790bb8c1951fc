import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { ApiIfMatch, etagFor, expectedVersion } from '../../common/http/versioning.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, CurrentScope, Requires } from '../access/access.decorators.js';
import type { Scope } from '../access/scope.js';
import { AcceptOfferDto, DeclineOfferDto } from './dto/answer-offer.dto.js';
import { ListOffersQuery } from './dto/list-offers.query.js';
import { OfferPageResponse, OfferResponse } from './dto/resettlement.responses.js';
import { ResettlementOffersService } from './resettlement-offers.service.js';

@ApiTags('resettlement')
@Controller('resettlement-offers')
export class ResettlementOffersController {
  constructor(private readonly offers: ResettlementOffersService) {}

  @Get()
  @Requires('resettlement:read')
  @ApiOperation({ summary: 'Offers of resettlement units to households in your scope, latest first' })
  @ApiOkResponse({ type: OfferPageResponse })
  @ApiErrorResponses(400)
  async list(@Query() query: ListOffersQuery, @CurrentScope() scope: Scope): Promise<OfferPageResponse> {
    const [views, total] = await this.offers.list(query, scope);
    return pageOf(views, total, query, OfferResponse.from);
  }

  @Post(':id/accept')
  @Requires('resettlement:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that the household accepts the unit',
    description:
      'Allocates the unit and moves the household from conditional to agreed (a recorded consent transition), ' +
      'together. Refused with 422 when the offer is no longer pending or has expired.',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: OfferResponse })
  @ApiErrorResponses(400, 404, 409, 412, 422)
  async accept(
    @Param('id', ParseId) id: string,
    @Body() body: AcceptOfferDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OfferResponse> {
    const view = await this.offers.accept(id, body, expectedVersion(ifMatch, body.version), actor, scope);
    void reply.header('etag', etagFor(view.offer.version));
    return OfferResponse.from(view);
  }

  @Post(':id/decline')
  @Requires('resettlement:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Record that the household declines the unit',
    description: 'The unit returns to the fund and is offered to the next household (never again to this one).',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: OfferResponse })
  @ApiErrorResponses(400, 404, 409, 412, 422)
  async decline(
    @Param('id', ParseId) id: string,
    @Body() body: DeclineOfferDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OfferResponse> {
    const view = await this.offers.decline(id, body, expectedVersion(ifMatch, body.version), scope);
    void reply.header('etag', etagFor(view.offer.version));
    return OfferResponse.from(view);
  }
}
