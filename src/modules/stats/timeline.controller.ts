import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { ParseId } from '../../common/http/params.js';
import { InScope, Requires } from '../access/access.decorators.js';
import { TimelineQuery } from './dto/timeline.query.js';
import { TimelinePointResponse, TimelineResponse } from './dto/timeline.response.js';
import { TimelineService } from './timeline.service.js';

@ApiTags('statistics')
@Controller()
export class TimelineController {
  constructor(private readonly timeline: TimelineService) {}

  @Get('projects/:id/stats/timeline')
  @Requires('stats:read')
  @InScope('project')
  @ApiOperation({
    summary: "A project's consent timeline for charts: one point per day, from the nightly snapshots",
    description: 'Days without a snapshot (before the project existed, or a night the job did not run) are absent.',
  })
  @ApiOkResponse({ type: TimelineResponse })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string, @Query() query: TimelineQuery): Promise<TimelineResponse> {
    const points = await this.timeline.points(id, query.from, query.to);
    return { projectId: id, points: points.map(TimelinePointResponse.from) };
  }
}
