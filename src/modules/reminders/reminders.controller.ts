import { Body, Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { StepRoute } from '../../common/http/step-route.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { ETAG_HEADER, ExpectedVersion } from '../../common/http/versioning.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, CurrentPrincipal, CurrentScope, InScope, Requires } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import type { Scope } from '../access/scope.js';
import { ListRemindersQuery } from './dto/list-reminders.query.js';
import { ReminderMoveDto } from './dto/reminder-move.dto.js';
import { ReminderPageResponse, ReminderResponse } from './dto/reminder.response.js';
import { RemindersService } from './reminders.service.js';

@ApiTags('reminders')
@Controller('reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Get()
  @Requires('reminders:read')
  @ApiOperation({
    summary: 'Reminders in my scope: open ones by default, soonest due first',
    description: '`mine=true` keeps those assigned to me, or to my role, among those of the projects and wards I see.',
  })
  @ApiOkResponse({ type: ReminderPageResponse })
  @ApiErrorResponses(400)
  async list(
    @Query() query: ListRemindersQuery,
    @CurrentScope() scope: Scope,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReminderPageResponse> {
    const [reminders, total] = await this.reminders.list(query, scope, principal);
    return pageOf(reminders, total, query, ReminderResponse.from);
  }

  @Get(':id')
  @Requires('reminders:read')
  @InScope('reminder')
  @ApiOperation({ summary: 'One reminder' })
  @ApiOkResponse({ type: ReminderResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<ReminderResponse> {
    return ReminderResponse.from(await this.reminders.get(id));
  }

  @StepRoute(':id/acknowledge', 'Acknowledge an open reminder (records who and when)', ReminderResponse)
  @Requires('reminders:write')
  @InScope('reminder')
  async acknowledge(
    @Param('id', ParseId) id: string,
    @Body() _body: ReminderMoveDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ReminderResponse> {
    return ReminderResponse.from(await this.reminders.move(id, 'acknowledged', actor, expected));
  }

  @StepRoute(':id/done', 'Mark an open or acknowledged reminder done (records who and when)', ReminderResponse)
  @Requires('reminders:write')
  @InScope('reminder')
  async done(
    @Param('id', ParseId) id: string,
    @Body() _body: ReminderMoveDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ReminderResponse> {
    return ReminderResponse.from(await this.reminders.move(id, 'done', actor, expected));
  }
}
