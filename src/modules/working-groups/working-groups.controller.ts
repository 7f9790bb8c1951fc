import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { PageQueryDto, pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { VisitPageResponse, VisitResponse } from '../visits/dto/visit.response.js';
import { ETAG_HEADER, ApiIfMatch, ExpectedVersion } from '../../common/http/versioning.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, CurrentPrincipal, InScope, Requires } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import {
  AddMemberDto,
  AssignHouseholdsDto,
  CreateWorkingGroupDto,
  ListWorkingGroupsQuery,
  UnassignHouseholdDto,
  UpdateWorkingGroupDto,
} from './dto/working-group.dto.js';
import {
  AssignmentListResponse,
  AssignmentResponse,
  MembershipListResponse,
  MembershipResponse,
  WorkingGroupListResponse,
  WorkingGroupResponse,
} from './dto/working-group.response.js';
import { WorkingGroupsService } from './working-groups.service.js';

@ApiTags('working groups')
@Controller()
export class WorkingGroupsController {
  constructor(private readonly groups: WorkingGroupsService) {}

  @Post('projects/:projectId/working-groups')
  @Requires('groups:manage')
  @InScope('project', 'projectId')
  @ApiOperation({ summary: 'Form a working group (tổ công tác) of the project, with its leader and members' })
  @ApiCreatedResponse({ type: WorkingGroupResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404)
  async create(
    @Param('projectId', ParseId) projectId: string,
    @Body() body: CreateWorkingGroupDto,
  ): Promise<WorkingGroupResponse> {
    return WorkingGroupResponse.from(await this.groups.create(projectId, body));
  }

  @Get('projects/:projectId/working-groups')
  @Requires('households:read')
  @InScope('project', 'projectId')
  @ApiOperation({ summary: "The project's working groups by name; an officer sees the groups they belong to" })
  @ApiOkResponse({ type: WorkingGroupListResponse })
  @ApiErrorResponses(400, 404)
  async list(
    @Param('projectId', ParseId) projectId: string,
    @Query() query: ListWorkingGroupsQuery,
    @CurrentPrincipal() principal: Principal,
  ): Promise<WorkingGroupListResponse> {
    const groups = await this.groups.list(projectId, principal, query.includeDisbanded ?? false);
    return { items: groups.map((group) => WorkingGroupResponse.from(group)) };
  }

  @Get('working-groups/:id')
  @Requires('households:read')
  @InScope('workingGroup')
  @ApiOperation({ summary: 'One working group with its current members' })
  @ApiOkResponse({ type: WorkingGroupResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<WorkingGroupResponse> {
    return WorkingGroupResponse.from(await this.groups.get(id));
  }

  @Patch('working-groups/:id')
  @Requires('groups:manage')
  @InScope('workingGroup')
  @ApiOperation({ summary: 'Rename the group or name another leader (a current member)' })
  @ApiIfMatch()
  @ApiOkResponse({ type: WorkingGroupResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 409, 412, 422)
  async update(
    @Param('id', ParseId) id: string,
    @Body() body: UpdateWorkingGroupDto,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<WorkingGroupResponse> {
    return WorkingGroupResponse.from(await this.groups.update(id, body, expected));
  }

  @Get('working-groups/:id/members')
  @Requires('households:read')
  @InScope('workingGroup')
  @ApiOperation({ summary: 'Every membership of the group, past ones included' })
  @ApiOkResponse({ type: MembershipListResponse })
  @ApiErrorResponses(400, 404)
  async members(@Param('id', ParseId) id: string): Promise<MembershipListResponse> {
    return { items: (await this.groups.memberships(id)).map((member) => MembershipResponse.from(member)) };
  }

  @Post('working-groups/:id/members')
  @Requires('groups:manage')
  @InScope('workingGroup')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Add a member (an active account of the project's wards); adding a member again changes nothing",
  })
  @ApiOkResponse({ type: WorkingGroupResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 422)
  async addMember(@Param('id', ParseId) id: string, @Body() body: AddMemberDto): Promise<WorkingGroupResponse> {
    return WorkingGroupResponse.from(await this.groups.addMember(id, body.userId));
  }

  @Delete('working-groups/:id/members/:userId')
  @Requires('groups:manage')
  @InScope('workingGroup')
  @ApiOperation({
    summary: 'A member leaves the group (the membership is kept, ended)',
    description: 'Refused (422) for the leader, and for the lead officer of households of the group.',
  })
  @ApiOkResponse({ type: WorkingGroupResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 422)
  async removeMember(
    @Param('id', ParseId) id: string,
    @Param('userId', ParseId) userId: string,
  ): Promise<WorkingGroupResponse> {
    return WorkingGroupResponse.from(await this.groups.removeMember(id, userId));
  }

  @Post('working-groups/:id/disband')
  @Requires('groups:manage')
  @InScope('workingGroup')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Disband the group: its memberships and responsibilities end; the record stays' })
  @ApiOkResponse({ type: WorkingGroupResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 422)
  async disband(@Param('id', ParseId) id: string, @CurrentActor() actor: Actor): Promise<WorkingGroupResponse> {
    return WorkingGroupResponse.from(await this.groups.disband(id, actor));
  }

  @Post('working-groups/:id/households')
  @Requires('groups:manage')
  @InScope('workingGroup')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Make the group responsible for households, taking them from any other group',
    description:
      'All or nothing. Each household has at most one responsible group; a reassignment ends the previous ' +
      'responsibility (kept in the history). A household already so assigned is unchanged.',
  })
  @ApiOkResponse({ type: AssignmentListResponse })
  @ApiErrorResponses(400, 404, 422)
  async assign(
    @Param('id', ParseId) id: string,
    @Body() body: AssignHouseholdsDto,
    @CurrentActor() actor: Actor,
  ): Promise<AssignmentListResponse> {
    return { items: (await this.groups.assign(id, body, actor)).map((row) => AssignmentResponse.from(row)) };
  }

  @Get('working-groups/:id/households')
  @Requires('households:read')
  @InScope('workingGroup')
  @ApiOperation({ summary: 'The households the group is responsible for now' })
  @ApiOkResponse({ type: AssignmentListResponse })
  @ApiErrorResponses(400, 404)
  async households(@Param('id', ParseId) id: string): Promise<AssignmentListResponse> {
    return { items: (await this.groups.householdsOf(id)).map((row) => AssignmentResponse.from(row)) };
  }

  @Get('working-groups/:id/visits')
  @Requires('visits:read')
  @InScope('workingGroup')
  @ApiOperation({ summary: "Visits the group's current members were on, latest first" })
  @ApiOkResponse({ type: VisitPageResponse })
  @ApiErrorResponses(400, 404)
  async visits(@Param('id', ParseId) id: string, @Query() query: PageQueryDto): Promise<VisitPageResponse> {
    const [visits, total] = await this.groups.visitsOf(id, query);
    return pageOf(visits, total, query, VisitResponse.from);
  }

  @Get('households/:id/assignments')
  @Requires('households:read')
  @InScope('household')
  @ApiOperation({ summary: "The household's responsible groups over time, oldest first" })
  @ApiOkResponse({ type: AssignmentListResponse })
  @ApiErrorResponses(400, 404)
  async history(@Param('id', ParseId) id: string): Promise<AssignmentListResponse> {
    return { items: (await this.groups.history(id)).map((row) => AssignmentResponse.from(row)) };
  }

  @Post('households/:id/unassign')
  @Requires('groups:manage')
  @InScope('household')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Leave the household without a responsible group (the history keeps the last one)' })
  @ApiNoContentResponse()
  @ApiErrorResponses(400, 404, 422)
  async unassign(
    @Param('id', ParseId) id: string,
    @Body() body: UnassignHouseholdDto,
    @CurrentActor() actor: Actor,
  ): Promise<void> {
    await this.groups.unassign(id, body.reason, actor);
  }
}
