import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { CurrentPrincipal, Requires } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { AgendaService } from './agenda.service.js';
import { AgendaQuery, AgendaResponse } from './dto/agenda.dto.js';

@ApiTags('agenda')
@Controller()
export class AgendaController {
  constructor(private readonly agenda: AgendaService) {}

  @Get('me/agenda')
  @Requires('households:read')
  @ApiOperation({
    summary: "The signed-in user's agenda for a day: whom to visit and what falls due",
    description:
      'Late and due follow-ups, complaint deadlines passed or within 3 days, that day’s dialogue sessions, and ' +
      "households silent longer than their project's staleAfterDays — most urgent first, each with why. An " +
      "officer's covers the households of their working groups; a chair's every household of their wards.",
  })
  @ApiOkResponse({ type: AgendaResponse })
  @ApiErrorResponses(400, 403)
  async get(@Query() query: AgendaQuery, @CurrentPrincipal() principal: Principal): Promise<AgendaResponse> {
    return AgendaResponse.from(await this.agenda.of(principal, query.date));
  }
}
