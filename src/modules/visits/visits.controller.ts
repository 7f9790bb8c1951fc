import { Body, Controller, Get, Headers, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { IDEMPOTENT_REPLAY_HEADER, parseIdempotencyKey } from '../../common/http/idempotency.js';
import { PageQueryDto, pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { withHeaders } from '../../common/http/response-meta.interceptor.js';
import { CreateVisitDto } from './dto/create-visit.dto.js';
import { VisitPageResponse, VisitResponse } from './dto/visit.response.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, InScope, Requires } from '../access/access.decorators.js';
import { VisitsService } from './visits.service.js';

@ApiTags('visits')
@Controller('households/:id/visits')
export class VisitsController {
  constructor(private readonly visits: VisitsService) {}

  @Post()
  @Requires('visits:write')
  @InScope('household')
  @ApiOperation({
    summary: 'Log a home visit',
    description:
      'The first visit of a not_contacted household moves it to persuading. Send an Idempotency-Key: a retry ' +
      'with the same key and body returns the original visit (header Idempotent-Replayed: true) and creates nothing.',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A unique key per visit, e.g. a UUID made on the phone',
  })
  @ApiCreatedResponse({ type: VisitResponse })
  @ApiErrorResponses(400, 404, 422)
  async create(
    @Param('id', ParseId) householdId: string,
    @Body() body: CreateVisitDto,
    @Headers('idempotency-key') rawKey: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<VisitResponse> {
    const { visit, replayed } = await this.visits.record(householdId, body, actor, parseIdempotencyKey(rawKey));
    const response = VisitResponse.from(visit);
    return replayed ? withHeaders(response, { [IDEMPOTENT_REPLAY_HEADER]: 'true' }) : response;
  }

  @Get()
  @Requires('visits:read')
  @InScope('household')
  @ApiOperation({ summary: "A household's visits, most recent first" })
  @ApiOkResponse({ type: VisitPageResponse })
  @ApiErrorResponses(400, 404)
  async list(@Param('id', ParseId) householdId: string, @Query() query: PageQueryDto): Promise<VisitPageResponse> {
    const [visits, total] = await this.visits.list(householdId, query);
    return pageOf(visits, total, query, VisitResponse.from);
  }
}
