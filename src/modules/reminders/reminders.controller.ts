import { Body, Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { StepRoute } from '../../common/http/step-route.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { etagFor, expectedVersion } from '../../common/http/versioning.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, CurrentPrincipal, CurrentScope, Requires } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import type { Scope } from '../access/scope.js';
import type { ReminderAction } from './domain/reminder-status.js';
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
    description: '`mine=true` keeps those assigned to me, or to my role in my administrative units.',
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
  @ApiOkResponse({ type: ReminderResponse })
  @ApiErrorResponses(400, 404)
  async get(
    @Param('id', ParseId) id: string,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReminderResponse> {
    const reminder = await this.reminders.get(id, scope);
    void reply.header('etag', etagFor(reminder.version));
    return ReminderResponse.from(reminder);
  }

  @StepRoute(':id/acknowledge', 'Acknowledge an open reminder (records who and when)', ReminderResponse)
  @Requires('reminders:write')
  acknowledge(
    @Param('id', ParseId) id: string,
    @Body() body: ReminderMoveDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReminderResponse> {
    return this.move(id, 'acknowledged', body, ifMatch, actor, scope, reply);
  }

  @StepRoute(':id/done', 'Mark an open or acknowledged reminder done (records who and when)', ReminderResponse)
  @Requires('reminders:write')
  done(
    @Param('id', ParseId) id: string,
    @Body() body: ReminderMoveDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReminderResponse> {
    return this.move(id, 'done', body, ifMatch, actor, scope, reply);
  }

  private async move(
    id: string,
    to: ReminderAction,
    body: ReminderMoveDto | undefined,
    ifMatch: string | undefined,
    actor: Actor,
    scope: Scope,
    reply: FastifyReply,
  ): Promise<ReminderResponse> {
    const reminder = await this.reminders.move(id, to, actor, scope, expectedVersion(ifMatch, body?.version));
    void reply.header('etag', etagFor(reminder.version));
    return ReminderResponse.from(reminder);
  }
}
