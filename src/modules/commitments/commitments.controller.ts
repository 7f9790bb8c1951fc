import { applyDecorators, Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Clock } from '../../common/clock/clock.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { StepRoute } from '../../common/http/step-route.decorator.js';
import { ExpectedVersion } from '../../common/http/versioning.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, CurrentPrincipal, CurrentScope, InScope, Requires } from '../access/access.decorators.js';
import type { Action } from '../access/domain/permissions.js';
import type { Principal } from '../access/principal.js';
import type { Scope } from '../access/scope.js';
import { type CommitmentWithUpdates, CommitmentsService } from './commitments.service.js';
import {
  CloseCommitmentDto,
  CommitmentProgressDto,
  CreateCommitmentDto,
  ListCommitmentsQuery,
  ReviewCommitmentDto,
} from './dto/commitment.dto.js';
import { CommitmentPageResponse, CommitmentResponse } from './dto/commitment.response.js';

const Step = (step: string, summary: string, action: Action) =>
  applyDecorators(
    StepRoute(`commitments/:id/${step}`, summary, CommitmentResponse, 'A step its status does not allow answers 422.'),
    Requires(action),
    InScope('commitment'),
  );

@ApiTags('commitments')
@Controller()
export class CommitmentsController {
  constructor(
    private readonly commitments: CommitmentsService,
    private readonly clock: Clock,
  ) {}

  @Post('commitments')
  @Requires('commitments:write')
  @ApiOperation({
    summary: 'Register a hard task (đăng ký việc khó): a scope, a target and a deadline',
    description: 'Scope: a project, households of a project, or free text (moving the boats at Đầm Bảy).',
  })
  @ApiCreatedResponse({ type: CommitmentResponse })
  @ApiErrorResponses(400)
  async create(
    @Body() body: CreateCommitmentDto,
    @CurrentScope() scope: Scope,
    @CurrentActor() actor: Actor,
  ): Promise<CommitmentResponse> {
    return this.respond(await this.commitments.register(body, scope, actor));
  }

  @Get('commitments')
  @Requires('commitments:read')
  @ApiOperation({ summary: 'Commitments in scope, per unit and year, with their outcome' })
  @ApiOkResponse({ type: CommitmentPageResponse })
  @ApiErrorResponses(400)
  async list(@Query() query: ListCommitmentsQuery, @CurrentScope() scope: Scope): Promise<CommitmentPageResponse> {
    const [items, total] = await this.commitments.list(scope, query);
    const today = this.clock.today();
    return pageOf(items, total, query, (item) => CommitmentResponse.from(item, today));
  }

  @Get('commitments/:id')
  @Requires('commitments:read')
  @InScope('commitment')
  @ApiOperation({ summary: 'A commitment with its progress reports and review' })
  @ApiOkResponse({ type: CommitmentResponse })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<CommitmentResponse> {
    return this.respond(await this.commitments.get(id));
  }

  @Step('progress', 'Report progress, resting on evidence files attached to the commitment', 'commitments:write')
  async progress(
    @Param('id', ParseId) id: string,
    @Body() body: CommitmentProgressDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentPrincipal() principal: Principal,
    @CurrentActor() actor: Actor,
  ): Promise<CommitmentResponse> {
    return this.respond(await this.commitments.report(id, body, principal, actor, expected));
  }

  @Step('close', 'Close the task as done or not done (the cadre, or a chair)', 'commitments:write')
  async close(
    @Param('id', ParseId) id: string,
    @Body() body: CloseCommitmentDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CommitmentResponse> {
    return this.respond(await this.commitments.close(id, body, principal, expected));
  }

  @Step('review', "The supervisor's (Fatherland Front) year-end review: a rating and comments", 'commitments:review')
  async review(
    @Param('id', ParseId) id: string,
    @Body() body: ReviewCommitmentDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<CommitmentResponse> {
    return this.respond(await this.commitments.review(id, body, actor, expected));
  }

  private respond(item: CommitmentWithUpdates): CommitmentResponse {
    return CommitmentResponse.from(item, this.clock.today());
  }
}
