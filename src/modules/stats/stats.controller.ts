import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { ListProjectStatsQuery } from './dto/list-project-stats.query.js';
import { ProjectStatsPageResponse, ProjectStatsResponse } from './dto/project-stats.response.js';
import { CurrentScope, InScope, Requires } from '../access/access.decorators.js';
import type { Scope } from '../access/scope.js';
import { StatsService } from './stats.service.js';

@ApiTags('statistics')
@Controller()
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('projects/:id/stats')
  @Requires('stats:read')
  @InScope('project')
  @ApiOperation({
    summary: "A project's consent statistics: by households and by land area, visits, overdue follow-ups",
    description:
      'Archived households are left out. Rates have 4 decimals, areas (m²) 2; an empty project has rates of 0.',
  })
  @ApiOkResponse({ type: ProjectStatsResponse })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<ProjectStatsResponse> {
    return ProjectStatsResponse.from(await this.stats.forProject(id));
  }

  @Get('stats/projects')
  @Requires('stats:read')
  @ApiOperation({
    summary: 'Consent statistics of many projects, one row each, ordered by project code',
    description: 'Filter by an administrative unit (projects in it or any unit below it) and by project status.',
  })
  @ApiOkResponse({ type: ProjectStatsPageResponse })
  @ApiErrorResponses(400, 404)
  async list(@Query() query: ListProjectStatsQuery, @CurrentScope() scope: Scope): Promise<ProjectStatsPageResponse> {
    const [rows, total] = await this.stats.list(query, scope);
    return pageOf(rows, total, query, ProjectStatsResponse.from);
  }
}
