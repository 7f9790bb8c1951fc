import { Body, Controller, HttpCode, HttpStatus, Logger, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HttpErrorFilter } from '../../common/errors/http-error.filter.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, CurrentScope, Requires } from '../access/access.decorators.js';
import type { Scope } from '../access/scope.js';
import { VisitResponse } from '../visits/dto/visit.response.js';
import {
  type SyncOutcome,
  SyncVisitsDto,
  type SyncVisitResultResponse,
  SyncVisitsResponse,
} from './dto/sync-visits.dto.js';
import { SyncService } from './sync.service.js';

/** Errors of one item in the API's one error shape, minus the request id (the batch has one). */
const errors = new HttpErrorFilter();

@ApiTags('offline sync')
@Controller('sync')
export class SyncController {
  private readonly logger = new Logger(SyncController.name);

  constructor(private readonly sync: SyncService) {}

  @Post('visits')
  @Requires('visits:write')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Replay up to 500 visits made offline, one result per item',
    description:
      'Each item is validated, checked against your wards and recorded in its own transaction, in order; a ' +
      "bad item is answered with its error (field-level for validation) and never stops the others. Each item's " +
      '`clientId` is its idempotency key: sending the batch again answers `replayed` and records nothing; the ' +
      'same clientId with a different visit is refused (422 IDEMPOTENCY_KEY_REUSED).',
  })
  @ApiOkResponse({ type: SyncVisitsResponse })
  @ApiErrorResponses(400)
  async visits(
    @Body() body: SyncVisitsDto,
    @CurrentScope() scope: Scope,
    @CurrentActor() actor: Actor,
  ): Promise<SyncVisitsResponse> {
    const outcomes = await this.sync.recordVisits(body.items, scope, actor);
    const counts: Record<SyncOutcome, number> = { created: 0, replayed: 0, rejected: 0 };
    const results = outcomes.map((item): SyncVisitResultResponse => {
      if ('recorded' in item) {
        const outcome = item.recorded.replayed ? 'replayed' : 'created';
        counts[outcome] += 1;
        return { index: item.index, clientId: item.clientId, outcome, visit: VisitResponse.from(item.recorded.visit) };
      }
      counts.rejected += 1;
      const { body: error } = errors.render(item.error, { id: 'sync', headers: {} });
      if (error.statusCode >= 500) this.logger.error({ err: item.error }, `Sync item ${item.index} failed`);
      const { requestId: _requestId, ...rest } = error;
      return { index: item.index, clientId: item.clientId, outcome: 'rejected', error: rest };
    });
    return { results, counts };
  }
}
