import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { ParseId } from '../../common/http/params.js';
import { InScope, Requires } from '../access/access.decorators.js';
import { ConsentHistoryService } from './consent-history.service.js';
import { DEFAULT_FORECAST_WEEKS, FORECAST_METHOD } from './domain/consent-forecast.js';
import { HISTORY_METHOD } from './domain/consent-history.js';
import {
  ConsentOverTimePointResponse,
  ConsentOverTimeQuery,
  ConsentOverTimeResponse,
  ForecastQuery,
  ForecastResponse,
} from './dto/consent-history.dto.js';

@ApiTags('statistics')
@Controller()
export class ConsentHistoryController {
  constructor(private readonly history: ConsentHistoryService) {}

  @Get('projects/:id/stats/consent-history')
  @Requires('stats:read')
  @InScope('project')
  @ApiOperation({
    summary: 'Consent over time, computed from the consent-transition history, by day, week or month',
    description: HISTORY_METHOD,
  })
  @ApiOkResponse({ type: ConsentOverTimeResponse })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string, @Query() query: ConsentOverTimeQuery): Promise<ConsentOverTimeResponse> {
    const granularity = query.granularity ?? 'month';
    const points = await this.history.history(id, { granularity, from: query.from, to: query.to });
    return {
      projectId: id,
      granularity,
      method: HISTORY_METHOD,
      points: points.map(ConsentOverTimePointResponse.from),
    };
  }

  @Get('projects/:id/stats/forecast')
  @Requires('stats:read')
  @InScope('project')
  @ApiOperation({
    summary: 'When the project is likely to reach its consent threshold and 100 %, with an interval (an estimate)',
    description: FORECAST_METHOD,
  })
  @ApiOkResponse({ type: ForecastResponse })
  @ApiErrorResponses(400, 404)
  async forecast(@Param('id', ParseId) id: string, @Query() query: ForecastQuery): Promise<ForecastResponse> {
    return ForecastResponse.from(id, await this.history.forecast(id, query.weeks ?? DEFAULT_FORECAST_WEEKS));
  }
}
