import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { PageQueryDto, pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { ETAG_HEADER, ApiIfMatch, ExpectedVersion } from '../../common/http/versioning.js';
import { CurrentScope, InScope, Requires } from '../access/access.decorators.js';
import type { Scope } from '../access/scope.js';
import { AddUnitsDto } from './dto/add-units.dto.js';
import { CreateFundDto } from './dto/create-fund.dto.js';
import { ListFundsQuery } from './dto/list-funds.query.js';
import { ListUnitsQuery } from './dto/list-units.query.js';
import {
  FundPageResponse,
  FundResponse,
  UnitPageResponse,
  UnitResponse,
  UnitsAcceptedResponse,
  WaitingEntryResponse,
  WaitingListResponse,
} from './dto/resettlement.responses.js';
import { UpdateFundDto } from './dto/update-fund.dto.js';
import { type FundWithProjects, ResettlementFundsService } from './resettlement-funds.service.js';

const toResponse = ({ fund, projectIds }: FundWithProjects) => FundResponse.from(fund, projectIds);

@ApiTags('resettlement')
@Controller('resettlement-funds')
export class ResettlementFundsController {
  constructor(private readonly funds: ResettlementFundsService) {}

  @Post()
  @Requires('resettlement:write')
  @ApiOperation({ summary: 'Register a resettlement housing fund (quỹ nhà tái định cư) and the projects it serves' })
  @ApiCreatedResponse({ type: FundResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400)
  async create(@Body() body: CreateFundDto, @CurrentScope() scope: Scope): Promise<FundResponse> {
    const created = await this.funds.create(body, scope);
    return toResponse(created);
  }

  @Get()
  @Requires('resettlement:read')
  @ApiOperation({ summary: 'Funds serving a project in your scope' })
  @ApiOkResponse({ type: FundPageResponse })
  @ApiErrorResponses(400)
  async list(@Query() query: ListFundsQuery, @CurrentScope() scope: Scope): Promise<FundPageResponse> {
    const [funds, total] = await this.funds.list(query, scope);
    return pageOf(funds, total, query, toResponse);
  }

  @Get(':id')
  @Requires('resettlement:read')
  @InScope('resettlementFund')
  @ApiOperation({ summary: 'One resettlement fund' })
  @ApiOkResponse({ type: FundResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<FundResponse> {
    return toResponse(await this.funds.get(id));
  }

  @Patch(':id')
  @Requires('resettlement:write')
  @InScope('resettlementFund')
  @ApiOperation({
    summary: 'Change a fund; a new offer expiry applies to offers made from now on',
    description: 'Refused with 412 (If-Match) or 409 (`version`) when based on a stale version.',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: FundResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 409, 412)
  async update(
    @Param('id', ParseId) id: string,
    @Body() body: UpdateFundDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentScope() scope: Scope,
  ): Promise<FundResponse> {
    const updated = await this.funds.update(id, body, expected, scope);
    return toResponse(updated);
  }

  @Get(':id/waiting-list')
  @Requires('resettlement:read')
  @InScope('resettlementFund')
  @ApiOperation({
    summary: "The households waiting for this fund's housing",
    description:
      'Households `conditional` on resettlement housing in the projects the fund serves: vulnerable households ' +
      'first, then by the time they committed (their move to conditional), then by code. Only households of ' +
      "projects in the caller's scope are listed (and counted in `total`), each at its place on the whole list.",
  })
  @ApiOkResponse({ type: WaitingListResponse })
  @ApiErrorResponses(400, 404)
  async waitingList(
    @Param('id', ParseId) id: string,
    @Query() query: PageQueryDto,
    @CurrentScope() scope: Scope,
  ): Promise<WaitingListResponse> {
    const [entries, total] = await this.funds.waitingList(id, query, scope);
    return {
      fundId: id,
      items: entries.map((entry) => WaitingEntryResponse.from(entry)),
      total,
      limit: query.limit,
      offset: query.offset,
    };
  }

  @Post(':id/units')
  @Requires('resettlement:write')
  @InScope('resettlementFund')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Add units to the fund; they are offered to the waiting list in the background',
    description:
      'Answers 202 once the units are stored: an offer round then gives each unit to the next fitting household ' +
      'on the waiting list, with an expiry and a reminder to visit the household.',
  })
  @ApiAcceptedResponse({ type: UnitsAcceptedResponse })
  @ApiErrorResponses(400, 404, 409)
  async addUnits(@Param('id', ParseId) id: string, @Body() body: AddUnitsDto): Promise<UnitsAcceptedResponse> {
    const added = await this.funds.addUnits(id, body);
    return { fundId: added.fundId, units: added.units.map(UnitResponse.from), job: added.job };
  }

  @Get(':id/units')
  @Requires('resettlement:read')
  @InScope('resettlementFund')
  @ApiOperation({ summary: 'The housing units of a fund' })
  @ApiOkResponse({ type: UnitPageResponse })
  @ApiErrorResponses(400, 404)
  async listUnits(@Param('id', ParseId) id: string, @Query() query: ListUnitsQuery): Promise<UnitPageResponse> {
    const [units, total] = await this.funds.listUnits(id, query);
    return pageOf(units, total, query, UnitResponse.from);
  }
}
