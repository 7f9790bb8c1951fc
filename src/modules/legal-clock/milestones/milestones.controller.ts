import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../../common/http/api-error-responses.decorator.js';
import { ParseId } from '../../../common/http/params.js';
import type { Actor } from '../../../common/request-context.js';
import { CurrentActor, InScope, Requires } from '../../access/access.decorators.js';
import { CreateMilestoneDto } from './dto/create-milestone.dto.js';
import { ListMilestonesQuery, MilestoneListResponse, MilestoneResponse } from './dto/milestone.response.js';
import { MilestonesService } from './milestones.service.js';

@ApiTags('legal milestones')
@Controller()
export class MilestonesController {
  constructor(private readonly milestones: MilestonesService) {}

  @Post('projects/:id/milestones')
  @Requires('milestones:write')
  @InScope('project')
  @ApiOperation({
    summary: 'Record a legal milestone of the project or of one of its households',
    description:
      'The response carries the deadlines the rules derive from it, and warnings such as HANDOVER_BEFORE_PAYMENT.',
  })
  @ApiCreatedResponse({ type: MilestoneResponse })
  @ApiErrorResponses(400, 404)
  async record(
    @Param('id', ParseId) projectId: string,
    @Body() body: CreateMilestoneDto,
    @CurrentActor() actor: Actor,
  ): Promise<MilestoneResponse> {
    return MilestoneResponse.from(await this.milestones.record(projectId, body, actor));
  }

  @Get('projects/:id/milestones')
  @Requires('complaints:read')
  @InScope('project')
  @ApiOperation({
    summary: "A project's legal milestones with their derived deadlines; `flagged=true` for warnings only",
  })
  @ApiOkResponse({ type: MilestoneListResponse })
  @ApiErrorResponses(400, 404)
  async list(
    @Param('id', ParseId) projectId: string,
    @Query() query: ListMilestonesQuery,
  ): Promise<MilestoneListResponse> {
    const entries = await this.milestones.list(projectId, query);
    return { items: entries.map(MilestoneResponse.from) };
  }
}
