import { Body, Controller, HttpCode, HttpStatus, Logger, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HttpErrorFilter } from '../../common/errors/http-error.filter.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, CurrentPrincipal, CurrentScope, Requires } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import type { Scope } from '../access/scope.js';
import { VisitResponse } from '../visits/dto/visit.response.js';
import {
  type SyncOutcome,
  SyncVisitsDto,
  type SyncVisitResultResponse,
  SyncVisitsResponse,
} from './dto/sync-visits.dto.js';
import {
  type MoveOutcome,
  SyncConsentMovesDto,
  type SyncConsentMoveResultResponse,
  SyncConsentMovesResponse,
} from './dto/sync-consent-moves.dto.js';
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
      return {
        index: item.index,
        clientId: item.clientId,
        outcome: 'rejected',
        error: this.errorOf(item.index, item.error),
      };
    });
    return { results, counts };
  }

  @Post('consent-moves')
  @Requires('consent:write')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Replay up to 500 consent moves decided offline, one result per item',
    description:
      'Each move is checked like any other (the state machine, its conditions and evidence) and against ' +
      '`basedOnVersion`, the household version the phone decided on: a household changed since is answered ' +
      '`conflict` with its current state and left as it is. Each item in its own transaction, in order; ' +
      "`clientId` is the move's idempotency key (kept a day): sent again, a move is `replayed`, not redone.",
  })
  @ApiOkResponse({ type: SyncConsentMovesResponse })
  @ApiErrorResponses(400)
  async consentMoves(
    @Body() body: SyncConsentMovesDto,
    @CurrentScope() scope: Scope,
    @CurrentActor() actor: Actor,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SyncConsentMovesResponse> {
    const outcomes = await this.sync.moveConsents(body.items, scope, actor, `${principal.type}:${principal.id}`);
    const counts: Record<MoveOutcome, number> = { moved: 0, replayed: 0, conflict: 0, rejected: 0 };
    const results = outcomes.map((item): SyncConsentMoveResultResponse => {
      if ('moved' in item) {
        const outcome = item.replayed ? 'replayed' : 'moved';
        counts[outcome] += 1;
        return { index: item.index, clientId: item.clientId, outcome, household: item.moved };
      }
      const outcome = item.current ? 'conflict' : 'rejected';
      counts[outcome] += 1;
      return {
        index: item.index,
        clientId: item.clientId,
        outcome,
        ...(item.current ? { household: item.current } : {}),
        error: this.errorOf(item.index, item.error),
      };
    });
    return { results, counts };
  }

  private errorOf(index: number, failure: unknown): SyncItemError {
    const { body: error } = errors.render(failure, { id: 'sync', headers: {} });
    if (error.statusCode >= 500) this.logger.error({ err: failure }, `Sync item ${index} failed`);
    const { requestId: _requestId, ...rest } = error;
    return rest;
  }
}

type SyncItemError = NonNullable<SyncVisitResultResponse['error']>;
