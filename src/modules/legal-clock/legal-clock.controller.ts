import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { ParseId } from '../../common/http/params.js';
import { ApiIfMatch, ExpectedVersion } from '../../common/http/versioning.js';
import { Requires } from '../access/access.decorators.js';
import { DeadlineRulesService } from './deadline-rules.service.js';
import { DeadlineRuleListResponse, DeadlineRuleResponse } from './dto/deadline-rule.response.js';
import { CreateHolidayDto } from './dto/create-holiday.dto.js';
import { HolidayListResponse, HolidayResponse, ListHolidaysQuery } from './dto/holiday.response.js';
import { UpdateDeadlineRuleDto } from './dto/update-deadline-rule.dto.js';
import { HolidaysService } from './holidays.service.js';

@ApiTags('legal clock')
@Controller()
export class LegalClockController {
  constructor(
    private readonly rules: DeadlineRulesService,
    private readonly holidays: HolidaysService,
  ) {}

  @Get('deadline-rules')
  @Requires('complaints:read')
  @ApiOperation({ summary: 'The legal deadline rules (trigger → days → action, with the article)' })
  @ApiOkResponse({ type: DeadlineRuleListResponse })
  async listRules(): Promise<DeadlineRuleListResponse> {
    return { items: (await this.rules.list()).map(DeadlineRuleResponse.from) };
  }

  @Patch('deadline-rules/:id')
  @Requires('deadline-rules:manage')
  @ApiOperation({
    summary: 'Change a rule (offset, day kind, active, wording)',
    description: 'Changing the offset, day kind or `active` recomputes the open deadlines computed with the rule.',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: DeadlineRuleResponse })
  @ApiErrorResponses(400, 404, 409, 412)
  async updateRule(
    @Param('id', ParseId) id: string,
    @Body() body: UpdateDeadlineRuleDto,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<DeadlineRuleResponse> {
    const rule = await this.rules.update(id, body, expected);
    return DeadlineRuleResponse.from(rule);
  }

  @Get('holidays')
  @Requires('complaints:read')
  @ApiOperation({ summary: 'Public holidays and Tết: deadlines falling on them move to the next working day' })
  @ApiOkResponse({ type: HolidayListResponse })
  @ApiErrorResponses(400)
  async listHolidays(@Query() query: ListHolidaysQuery): Promise<HolidayListResponse> {
    return { items: (await this.holidays.list(query.year)).map(HolidayResponse.from) };
  }

  @Post('holidays')
  @Requires('deadline-rules:manage')
  @ApiOperation({ summary: 'Add a holiday (or a compensatory day off)' })
  @ApiCreatedResponse({ type: HolidayResponse })
  @ApiErrorResponses(400, 409)
  async createHoliday(@Body() body: CreateHolidayDto): Promise<HolidayResponse> {
    return HolidayResponse.from(await this.holidays.create(body));
  }

  @Delete('holidays/:id')
  @Requires('deadline-rules:manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a holiday entered by mistake (recorded in the audit trail)' })
  @ApiNoContentResponse()
  @ApiErrorResponses(400, 404)
  async removeHoliday(@Param('id', ParseId) id: string): Promise<void> {
    await this.holidays.remove(id);
  }
}
