import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { ParseId } from '../../common/http/params.js';
import { StepRoute } from '../../common/http/step-route.decorator.js';
import { ApiIfMatch, ETAG_HEADER, ExpectedVersion } from '../../common/http/versioning.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, InScope, Requires } from '../access/access.decorators.js';
import { CreateEnforcementRecordDto } from './dto/create-enforcement-record.dto.js';
import {
  CancelEnforcementDto,
  ComplyEnforcementDto,
  ExecuteEnforcementDto,
  ScheduleEnforcementDto,
  ListProjectEnforcementQuery,
} from './dto/enforcement-actions.dto.js';
import {
  EnforcementRecordListResponse,
  EnforcementRecordResponse,
  ProjectEnforcementListResponse,
} from './dto/enforcement-record.response.js';
import { UpdateEnforcementRecordDto } from './dto/update-enforcement-record.dto.js';
import { EnforcementRecordsService, type EnforcementView } from './enforcement-records.service.js';
import { EnforcementStepsService } from './enforcement-steps.service.js';

const toResponse = ({ record, visits, missing, evidence }: EnforcementView) =>
  EnforcementRecordResponse.from(record, visits, missing, evidence);

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
  ): Promise<EnforcementRecordResponse> {
    return toResponse(await this.enforcement.create(householdId, body, actor));
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

  @Get('projects/:id/enforcement')
  @Requires('households:read')
  @InScope('project')
  @ApiOperation({
    summary: "A project's enforcement records, by default those in preparation (draft, ready, scheduled)",
  })
  @ApiOkResponse({ type: ProjectEnforcementListResponse })
  @ApiErrorResponses(400, 404)
  async listForProject(
    @Param('id', ParseId) projectId: string,
    @Query() query: ListProjectEnforcementQuery,
  ): Promise<ProjectEnforcementListResponse> {
    const views = await this.enforcement.listForProject(projectId, query.status ?? ['draft', 'ready', 'scheduled']);
    return { projectId, items: views.map(toResponse) };
  }

  @Get('enforcement/:id')
  @Requires('households:read')
  @InScope('enforcementRecord')
  @ApiOperation({ summary: 'One enforcement record, with its steps' })
  @ApiOkResponse({ type: EnforcementRecordResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<EnforcementRecordResponse> {
    return toResponse(await this.enforcement.get(id));
  }

  @Patch('enforcement/:id')
  @Requires('enforcement:write')
  @InScope('enforcementRecord')
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
    @ExpectedVersion() expected: number | undefined,
  ): Promise<EnforcementRecordResponse> {
    return toResponse(await this.enforcement.update(id, body, expected));
  }

  @StepRoute(
    'enforcement/:id/schedule',
    'Schedule enforcement; the household becomes enforcement_pending',
    EnforcementRecordResponse,
    'Refused with 422 when preconditions are missing (`details.missing`), or at a forbidden time (`details.reasons`: ' +
      'night 22:00–06:00 Hanoi time, public holiday, within 15 days of Tết; LL2024 art. 89).',
  )
  @Requires('enforcement:write')
  @InScope('enforcementRecord')
  async schedule(
    @Param('id', ParseId) id: string,
    @Body() body: ScheduleEnforcementDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EnforcementRecordResponse> {
    return toResponse(await this.steps.schedule(id, body, actor, expected));
  }

  @StepRoute(
    'enforcement/:id/comply',
    'The household complies: back to agreed, with a hand-over deadline (30 days, LL2024 art. 89(4))',
    EnforcementRecordResponse,
  )
  @Requires('enforcement:write')
  @InScope('enforcementRecord')
  async comply(
    @Param('id', ParseId) id: string,
    @Body() body: ComplyEnforcementDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EnforcementRecordResponse> {
    return toResponse(await this.steps.comply(id, body, actor, expected));
  }

  @StepRoute(
    'enforcement/:id/execute',
    'Enforcement carried out: the household is handed_over (mode enforced)',
    EnforcementRecordResponse,
  )
  @Requires('enforcement:write')
  @InScope('enforcementRecord')
  async execute(
    @Param('id', ParseId) id: string,
    @Body() body: ExecuteEnforcementDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EnforcementRecordResponse> {
    return toResponse(await this.steps.execute(id, body, actor, expected));
  }

  @StepRoute('enforcement/:id/cancel', 'Abandon a record not yet scheduled, with the reason', EnforcementRecordResponse)
  @Requires('enforcement:write')
  @InScope('enforcementRecord')
  async cancel(
    @Param('id', ParseId) id: string,
    @Body() body: CancelEnforcementDto,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<EnforcementRecordResponse> {
    return toResponse(await this.steps.cancel(id, body, expected));
  }
}
