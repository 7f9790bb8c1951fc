import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { ETAG_HEADER, ApiIfMatch, ExpectedVersion } from '../../common/http/versioning.js';
import { CreateProjectDto } from './dto/create-project.dto.js';
import { ListProjectsQuery } from './dto/list-projects.query.js';
import { ProjectPageResponse, ProjectResponse } from './dto/project.response.js';
import { UpdateProjectDto } from './dto/update-project.dto.js';
import { CurrentScope, InScope, Requires } from '../access/access.decorators.js';
import type { Scope } from '../access/scope.js';
import { ProjectsService, type ProjectWithUnits } from './projects.service.js';

const toResponse = ({ project, administrativeUnitIds }: ProjectWithUnits) =>
  ProjectResponse.from(project, administrativeUnitIds);

@ApiTags('projects')
@Controller('projects')
export class ProjectsController {
  constructor(private readonly projects: ProjectsService) {}

  @Post()
  @Requires('projects:write')
  @ApiOperation({ summary: 'Register a clearance project' })
  @ApiCreatedResponse({ type: ProjectResponse })
  @ApiErrorResponses(400, 409)
  async create(@Body() body: CreateProjectDto, @CurrentScope() scope: Scope): Promise<ProjectResponse> {
    return toResponse(await this.projects.create(body, scope));
  }

  @Get()
  @Requires('projects:read')
  @ApiOperation({ summary: 'List projects, optionally within an administrative unit (and the units below it)' })
  @ApiOkResponse({ type: ProjectPageResponse })
  @ApiErrorResponses(400, 404)
  async list(@Query() query: ListProjectsQuery, @CurrentScope() scope: Scope): Promise<ProjectPageResponse> {
    const [projects, total] = await this.projects.list(query, scope);
    return pageOf(projects, total, query, toResponse);
  }

  @Get(':id')
  @Requires('projects:read')
  @InScope('project')
  @ApiOperation({ summary: 'One project' })
  @ApiOkResponse({
    type: ProjectResponse,
    headers: ETAG_HEADER,
  })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<ProjectResponse> {
    const found = await this.projects.get(id);
    return toResponse(found);
  }

  @Patch(':id')
  @Requires('projects:write')
  @InScope('project')
  @ApiOperation({ summary: 'Change a project; refused with 412/409 when based on a stale version' })
  @ApiIfMatch()
  @ApiOkResponse({ type: ProjectResponse })
  @ApiErrorResponses(400, 404, 409, 412)
  async update(
    @Param('id', ParseId) id: string,
    @Body() body: UpdateProjectDto,
    @ExpectedVersion() expected: number | undefined,
    @CurrentScope() scope: Scope,
  ): Promise<ProjectResponse> {
    const updated = await this.projects.update(id, body, expected, scope);
    return toResponse(updated);
  }
}
