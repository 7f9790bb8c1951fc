import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { ApiIfMatch, ExpectedVersion } from '../../common/http/versioning.js';
import { ConsentTransitionDto } from './dto/consent-transition.dto.js';
import { CreateHouseholdDto } from './dto/create-household.dto.js';
import {
  ConsentHistoryEntryResponse,
  ConsentHistoryResponse,
  HouseholdPageResponse,
  HouseholdResponse,
} from './dto/household.response.js';
import { ListHouseholdsQuery } from './dto/list-households.query.js';
import { UpdateHouseholdDto } from './dto/update-household.dto.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, InScope, Requires } from '../access/access.decorators.js';
import { HouseholdsService } from './households.service.js';

@ApiTags('households')
@Controller()
export class HouseholdsController {
  constructor(private readonly households: HouseholdsService) {}

  @Post('projects/:id/households')
  @Requires('households:write')
  @InScope('project')
  @ApiOperation({ summary: 'Register an affected household in a project (status not_contacted)' })
  @ApiCreatedResponse({ type: HouseholdResponse })
  @ApiErrorResponses(400, 404, 409)
  async create(@Param('id', ParseId) projectId: string, @Body() body: CreateHouseholdDto): Promise<HouseholdResponse> {
    const { household, parcels } = await this.households.create(projectId, body);
    return HouseholdResponse.from(household, parcels);
  }

  @Get('projects/:id/households')
  @Requires('households:read')
  @InScope('project')
  @ApiOperation({ summary: "List a project's households: by status, by text (diacritics ignored), overdue follow-ups" })
  @ApiOkResponse({ type: HouseholdPageResponse })
  @ApiErrorResponses(400, 404)
  async list(
    @Param('id', ParseId) projectId: string,
    @Query() query: ListHouseholdsQuery,
  ): Promise<HouseholdPageResponse> {
    const page = await this.households.list(projectId, query);
    return {
      ...pageOf(page.rows, page.total, query, (household) => HouseholdResponse.from(household)),
      totalExact: page.totalExact,
      nextCursor: page.nextCursor,
    };
  }

  @Get('households/:id')
  @Requires('households:read')
  @InScope('household')
  @ApiOperation({ summary: 'One household, with its consent status and version' })
  @ApiOkResponse({ type: HouseholdResponse })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<HouseholdResponse> {
    const { household, parcels } = await this.households.get(id);
    return HouseholdResponse.from(household, parcels);
  }

  @Patch('households/:id')
  @Requires('households:write')
  @InScope('household')
  @ApiOperation({ summary: 'Change household details, parcels, or archive/restore it (never deleted)' })
  @ApiIfMatch()
  @ApiOkResponse({ type: HouseholdResponse })
  @ApiErrorResponses(400, 404, 409, 412, 422)
  async update(
    @Param('id', ParseId) id: string,
    @Body() body: UpdateHouseholdDto,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<HouseholdResponse> {
    const { household, parcels } = await this.households.update(id, body, expected);
    return HouseholdResponse.from(household, parcels);
  }

  @Post('households/:id/consent')
  @Requires('consent:write')
  @InScope('household')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move the household to another consent status',
    description: 'An illegal move answers 422 with `details.allowed`, the statuses reachable from the current one.',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: HouseholdResponse })
  @ApiErrorResponses(400, 404, 409, 412, 422)
  async transition(
    @Param('id', ParseId) id: string,
    @Body() body: ConsentTransitionDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<HouseholdResponse> {
    const household = await this.households.transition(id, body, actor, expected);
    return HouseholdResponse.from(household);
  }

  @Get('households/:id/consent-history')
  @Requires('households:read')
  @InScope('household')
  @ApiOperation({ summary: 'Every status change of the household: from, to, reason, actor, at' })
  @ApiOkResponse({ type: ConsentHistoryResponse })
  @ApiErrorResponses(400, 404)
  async history(@Param('id', ParseId) id: string): Promise<ConsentHistoryResponse> {
    const rows = await this.households.history(id);
    return { householdId: id, items: rows.map(ConsentHistoryEntryResponse.from) };
  }
}
