import { applyDecorators, Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../common/clock/clock.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { StepRoute } from '../../common/http/step-route.decorator.js';
import { PageQueryDto, pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { ExpectedVersion } from '../../common/http/versioning.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, InScope, Requires } from '../access/access.decorators.js';
import { type ComplaintStepInput, ComplaintsService, type ComplaintWithHistory } from './complaints.service.js';
import {
  AcceptComplaintDto,
  EscalateComplaintDto,
  ExtendComplaintDto,
  RejectComplaintDto,
  ResolveComplaintDto,
  WithdrawComplaintDto,
} from './dto/complaint-steps.dto.js';
import { ComplaintPageResponse, ComplaintResponse, ListProjectComplaintsQuery } from './dto/complaint.response.js';
import { CreateComplaintDto } from './dto/create-complaint.dto.js';

const ILLEGAL_MOVE =
  'An action the status does not allow answers 422 COMPLAINT_TRANSITION_REFUSED with `details.allowed`.';

/** One step of a complaint's life. */
const ComplaintStep = (step: string, summary: string) =>
  applyDecorators(
    StepRoute(`complaints/:id/${step}`, summary, ComplaintResponse, ILLEGAL_MOVE),
    Requires('complaints:write'),
    InScope('complaint'),
  );

@ApiTags('complaints')
@Controller()
export class ComplaintsController {
  constructor(
    private readonly complaints: ComplaintsService,
    private readonly clock: Clock,
  ) {}

  @Post('households/:id/complaints')
  @Requires('complaints:write')
  @InScope('household')
  @ApiOperation({ summary: 'Record a complaint (khiếu nại) received from a household; due for acceptance in 10 days' })
  @ApiCreatedResponse({ type: ComplaintResponse })
  @ApiErrorResponses(400, 404, 422)
  async create(
    @Param('id', ParseId) householdId: string,
    @Body() body: CreateComplaintDto,
    @CurrentActor() actor: Actor,
  ): Promise<ComplaintResponse> {
    return this.respond(await this.complaints.receive(householdId, body, actor));
  }

  @Get('households/:id/complaints')
  @Requires('complaints:read')
  @InScope('household')
  @ApiOperation({ summary: "A household's complaints, latest received first" })
  @ApiOkResponse({ type: ComplaintPageResponse })
  @ApiErrorResponses(400, 404)
  async listForHousehold(
    @Param('id', ParseId) householdId: string,
    @Query() query: PageQueryDto,
  ): Promise<ComplaintPageResponse> {
    const [complaints, total] = await this.complaints.listForHousehold(householdId, query.limit, query.offset);
    const today = this.clock.today();
    return pageOf(complaints, total, query, (complaint) => ComplaintResponse.from(complaint, today));
  }

  @Get('projects/:id/complaints')
  @Requires('complaints:read')
  @InScope('project')
  @ApiOperation({ summary: "A project's complaints; `overdue=true` for those past their running deadline" })
  @ApiOkResponse({ type: ComplaintPageResponse })
  @ApiErrorResponses(400, 404)
  async listForProject(
    @Param('id', ParseId) projectId: string,
    @Query() query: ListProjectComplaintsQuery,
  ): Promise<ComplaintPageResponse> {
    const [complaints, total] = await this.complaints.listForProject(projectId, query);
    const today = this.clock.today();
    return pageOf(complaints, total, query, (complaint) => ComplaintResponse.from(complaint, today));
  }

  @Get('complaints/:id')
  @Requires('complaints:read')
  @InScope('complaint')
  @ApiOperation({ summary: 'A complaint with its history (acceptance, extensions, escalations, decision)' })
  @ApiOkResponse({ type: ComplaintResponse })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<ComplaintResponse> {
    return this.respond(await this.complaints.get(id));
  }

  @ComplaintStep('accept', 'Accept (thụ lý): the resolution deadline (30/45/60 days) starts')
  accept(
    @Param('id', ParseId) id: string,
    @Body() body: AcceptComplaintDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ComplaintResponse> {
    const step = {
      action: 'accept',
      on: body.acceptedOn,
      complex: body.complex,
      remoteArea: body.remoteArea,
      note: body.note,
    } as const;
    return this.step(id, step, expected, actor);
  }

  @ComplaintStep('extend', 'Extend the resolution deadline on a legal basis (a lawful extension is not a breach)')
  extend(
    @Param('id', ParseId) id: string,
    @Body() body: ExtendComplaintDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ComplaintResponse> {
    const step = {
      action: 'extend',
      newResolveDueOn: body.newResolveDueOn,
      legalBasis: body.legalBasis,
      note: body.reason,
    } as const;
    return this.step(id, step, expected, actor);
  }

  @ComplaintStep('escalate', 'Escalate to a higher authority; kept in the history')
  escalate(
    @Param('id', ParseId) id: string,
    @Body() body: EscalateComplaintDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ComplaintResponse> {
    const step = { action: 'escalate', escalatedTo: body.to, note: body.reason } as const;
    return this.step(id, step, expected, actor);
  }

  @ComplaintStep('resolve', 'Record the resolution decision')
  resolve(
    @Param('id', ParseId) id: string,
    @Body() body: ResolveComplaintDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ComplaintResponse> {
    const step = { action: 'resolve', on: body.decidedOn, decision: body.decision } as const;
    return this.step(id, step, expected, actor);
  }

  @ComplaintStep('reject', 'Reject (e.g. không đủ điều kiện thụ lý) with the reason')
  reject(
    @Param('id', ParseId) id: string,
    @Body() body: RejectComplaintDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ComplaintResponse> {
    const step = { action: 'reject', on: body.decidedOn, decision: body.reason, note: body.reason } as const;
    return this.step(id, step, expected, actor);
  }

  @ComplaintStep('withdraw', 'The complainant withdrew the complaint')
  withdraw(
    @Param('id', ParseId) id: string,
    @Body() body: WithdrawComplaintDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<ComplaintResponse> {
    const step = { action: 'withdraw', on: body.withdrawnOn, note: body.reason } as const;
    return this.step(id, step, expected, actor);
  }

  private async step(
    id: string,
    step: ComplaintStepInput,
    expected: number | undefined,
    actor: Actor,
  ): Promise<ComplaintResponse> {
    return this.respond(await this.complaints.step(id, step, actor, expected));
  }

  private respond({ complaint, history }: ComplaintWithHistory): ComplaintResponse {
    return ComplaintResponse.from(complaint, this.clock.today(), history);
  }
}
