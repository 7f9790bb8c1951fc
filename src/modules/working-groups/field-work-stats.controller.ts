import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { ParseId } from '../../common/http/params.js';
import { InScope, Requires } from '../access/access.decorators.js';
import { type FieldWorkStats, FieldWorkStatsService } from './field-work-stats.service.js';

class FieldWorkFiguresResponse {
  @ApiProperty({ type: 'integer', description: 'Visits from Monday 00:00 (local) to now' }) visitsThisWeek: number;
  @ApiProperty({ type: 'integer' }) householdsContactedThisWeek: number;
  @ApiProperty({ type: 'integer', description: 'Households in their care with a follow-up date passed' })
  overdueFollowUps: number;
}

class GroupFieldWorkResponse extends FieldWorkFiguresResponse {
  @ApiProperty({ format: 'uuid' }) workingGroupId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer' }) members: number;
  @ApiProperty({ type: 'integer', description: 'Households the group is responsible for' }) households: number;
}

class OfficerFieldWorkResponse extends FieldWorkFiguresResponse {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer', description: 'Households they are the lead officer of' }) householdsLed: number;
}

export class FieldWorkStatsResponse {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ format: 'date' }) weekStartsOn: string;
  @ApiProperty() asOf: Date;
  @ApiProperty({ type: [GroupFieldWorkResponse] }) groups: GroupFieldWorkResponse[];
  @ApiProperty({ type: [OfficerFieldWorkResponse], description: 'Most visits this week first' })
  officers: OfficerFieldWorkResponse[];

  static from(stats: FieldWorkStats): FieldWorkStatsResponse {
    return { ...stats, groups: [...stats.groups], officers: [...stats.officers] };
  }
}

@ApiTags('stats')
@Controller()
export class FieldWorkStatsController {
  constructor(private readonly stats: FieldWorkStatsService) {}

  @Get('projects/:projectId/stats/field-work')
  @Requires('stats:read')
  @InScope('project', 'projectId')
  @ApiOperation({
    summary: 'Field work per working group and per officer: visits this week, contacts, overdue follow-ups',
  })
  @ApiOkResponse({ type: FieldWorkStatsResponse })
  @ApiErrorResponses(400, 404)
  async get(@Param('projectId', ParseId) projectId: string): Promise<FieldWorkStatsResponse> {
    return FieldWorkStatsResponse.from(await this.stats.of(projectId));
  }
}
