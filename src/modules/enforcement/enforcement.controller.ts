import { Body, Controller, Get, Headers, HttpCode, Param, Patch, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { ParseId } from '../../common/http/params.js';
import { ApiIfMatch, etagFor, expectedVersion } from '../../common/http/versioning.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, CurrentScope, InScope, Requires } from '../access/access.decorators.js';
import type { Scope } from '../access/scope.js';
import { CreateEnforcementRecordDto } from './dto/create-enforcement-record.dto.js';
import {
  CancelEnforcementDto,
  ComplyEnforcementDto,
  ExecuteEnforcementDto,
  ScheduleEnforcementDto,
} from './dto/enforcement-actions.dto.js';
import { EnforcementRecordListResponse, EnforcementRecordResponse } from './dto/enforcement-record.response.js';
import { UpdateEnforcementRecordDto } from './dto/update-enforcement-record.dto.js';
import { EnforcementRecordsService, type EnforcementView } from './enforcement-records.service.js';
import { EnforcementStepsService } from './enforcement-steps.service.js';

const ETAG_HEADER = { ETag: { description: 'Send back as If-Match when changing it' } };

const toResponse = ({ record, visits, missing }: EnforcementView) =>
  EnforcementRecordResponse.from(record, visits, missing);

function reply(view: EnforcementView, res: FastifyReply): EnforcementRecordResponse {
  void res.header('etag', etagFor(view.record.version));
  return toResponse(view);
}

@ApiTags('enforcement')
@Controller()
export class EnforcementController {
  constructor(
    private readonly enforcement: EnforcementRecordsService,
    private readonly steps: EnforcementStepsService,
  ) {}

  @Post('households/:id/enforcement')
  @Requires('enforcement:write')
  @InScope('household')
  @ApiOperation({
    summary: 'Open an enforcement record (cưỡng chế) for an objecting household, with the decision',
    description: 'The record is `draft` until every precondition of LL2024 art. 89 is on file, then `ready`.',
  })
  @ApiCreatedResponse({ type: EnforcementRecordResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 409, 422)
  async create(
    @Param('id', ParseId) householdId: string,
    @Body() body: CreateEnforcementRecordDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<EnforcementRecordResponse> {
    return reply(await this.enforcement.create(householdId, body, actor), res);
  }

  @Get('households/:id/enforcement')
  @Requires('households:read')
  @InScope('household')
  @ApiOperation({ summary: "A household's enforcement records, newest first" })
  @ApiOkResponse({ type: EnforcementRecordListResponse })
  @ApiErrorResponses(400, 404)
  async list(@Param('id', ParseId) householdId: string): Promise<EnforcementRecordListResponse> {
    const views = await this.enforcement.listForHousehold(householdId);
    return { householdId, items: views.map(toResponse) };
  }

  @Get('enforcement/:id')
  @Requires('households:read')
  @ApiOkResponse({ type: EnforcementRecordResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404)
  async get(
    @Param('id', ParseId) id: string,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<EnforcementRecordResponse> {
    return reply(await this.enforcement.get(id, scope), res);
  }

  @Patch('enforcement/:id')
  @Requires('enforcement:write')
  @ApiOperation({
    summary: 'Record the posting and delivery of the decision and the persuasion file (draft or ready records)',
    description:
      'Attested visits must be visits of the household; the dialogue session must be held with the household invited.',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: EnforcementRecordResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 409, 412, 422)
  async update(
    @Param('id', ParseId) id: string,
    @Body() body: UpdateEnforcementRecordDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<EnforcementRecordResponse> {
    return reply(await this.enforcement.update(id, body, scope, expectedVersion(ifMatch, body.version)), res);
  }

  @Post('enforcement/:id/schedule')
  @Requires('enforcement:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Schedule enforcement; the household becomes enforcement_pending',
    description:
      'Refused with 422 when preconditions are missing (`details.missing`), or at a forbidden time (`details.reasons`: ' +
      'night 22:00–06:00 Hanoi time, public holiday, within 15 days of Tết; LL2024 art. 89).',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: EnforcementRecordResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 409, 412, 422)
  async schedule(
    @Param('id', ParseId) id: string,
    @Body() body: ScheduleEnforcementDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentScope() scope: Scope,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<EnforcementRecordResponse> {
    return reply(await this.steps.schedule(id, body, scope, actor, expectedVersion(ifMatch, body.version)), res);
  }

  @Post('enforcement/:id/comply')
  @Requires('enforcement:write')
  @HttpCode(200)
  @ApiOperation({
    summary: 'The household complies: back to agreed, with a hand-over deadline (30 days, LL2024 art. 89(4))',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: EnforcementRecordResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 409, 412, 422)
  async comply(
    @Param('id', ParseId) id: string,
    @Body() body: ComplyEnforcementDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentScope() scope: Scope,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<EnforcementRecordResponse> {
    return reply(await this.steps.comply(id, body, scope, actor, expectedVersion(ifMatch, body.version)), res);
  }

  @Post('enforcement/:id/execute')
  @Requires('enforcement:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Enforcement carried out: the household is handed_over (mode enforced)' })
  @ApiIfMatch()
  @ApiOkResponse({ type: EnforcementRecordResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 409, 412, 422)
  async execute(
    @Param('id', ParseId) id: string,
    @Body() body: ExecuteEnforcementDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentScope() scope: Scope,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<EnforcementRecordResponse> {
    return reply(await this.steps.execute(id, body, scope, actor, expectedVersion(ifMatch, body.version)), res);
  }

  @Post('enforcement/:id/cancel')
  @Requires('enforcement:write')
  @HttpCode(200)
  @ApiOperation({ summary: 'Abandon a record not yet scheduled, with the reason' })
  @ApiIfMatch()
  @ApiOkResponse({ type: EnforcementRecordResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 409, 412, 422)
  async cancel(
    @Param('id', ParseId) id: string,
    @Body() body: CancelEnforcementDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentScope() scope: Scope,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<EnforcementRecordResponse> {
    return reply(await this.steps.cancel(id, body, scope, expectedVersion(ifMatch, body.version)), res);
  }
}
