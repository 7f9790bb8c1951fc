import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { InScope, Requires } from '../access/access.decorators.js';
import { ListProjectVisitsQuery } from './dto/list-project-visits.query.js';
import { VisitPageResponse, VisitResponse } from './dto/visit.response.js';
import { VisitsService } from './visits.service.js';

@ApiTags('visits')
@Controller('projects/:projectId/visits')
export class ProjectVisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Get()
  @Requires('visits:read')
  @InScope('project', 'projectId')
  @ApiOperation({ summary: "The project's visit log, most recent first; by officer and period" })
  @ApiOkResponse({ type: VisitPageResponse })
  @ApiErrorResponses(400, 404)
  async list(
    @Param('projectId', ParseId) projectId: string,
    @Query() query: ListProjectVisitsQuery,
  ): Promise<VisitPageResponse> {
    const [visits, total] = await this.visits.listInProject(projectId, {
      officerIds: query.officerId ? [query.officerId] : undefined,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      limit: query.limit,
      offset: query.offset,
    });
    return pageOf(visits, total, query, VisitResponse.from);
  }
}
