import { Body, Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { StepRoute } from '../../common/http/step-route.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { ExpectedVersion } from '../../common/http/versioning.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, CurrentScope, InScope, Requires } from '../access/access.decorators.js';
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

  @StepRoute(
    ':id/accept',
    'Record that the household accepts the unit',
    OfferResponse,
    'Allocates the unit and moves the household from conditional to agreed (a recorded consent transition), ' +
      'together. Refused with 422 when the offer is no longer pending or has expired.',
  )
  @Requires('resettlement:write')
  @InScope('resettlementOffer')
  async accept(
    @Param('id', ParseId) id: string,
    @Body() body: AcceptOfferDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<OfferResponse> {
    return OfferResponse.from(await this.offers.accept(id, body, expected, actor));
  }

  @StepRoute(
    ':id/decline',
    'Record that the household declines the unit',
    OfferResponse,
    'The unit returns to the fund and is offered to the next household (never again to this one).',
  )
  @Requires('resettlement:write')
  @InScope('resettlementOffer')
  async decline(
    @Param('id', ParseId) id: string,
    @Body() body: DeclineOfferDto,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<OfferResponse> {
    return OfferResponse.from(await this.offers.decline(id, body, expected));
  }
}
