import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import { PROJECT_STATUSES, type ProjectStatus } from '../../projects/project.entity.js';
import type { PerStatus } from '../domain/consent-rates.js';
import type { ProjectStats } from '../stats.service.js';

/** Every consent status is present, zero included, so clients never guess at missing keys. */
export class PerStatusResponse implements PerStatus {
  @ApiProperty() not_contacted: number;
  @ApiProperty() persuading: number;
  @ApiProperty() objecting: number;
  @ApiProperty() conditional: number;
  @ApiProperty() agreed: number;
  @ApiProperty() enforcement_pending: number;
  @ApiProperty() handed_over: number;
}

export class HouseholdCountsResponse {
  @ApiProperty({ type: 'integer', description: 'Live (not archived) households' }) total: number;
  @ApiProperty({ type: 'integer', description: 'Households agreed or handed over' }) consented: number;
  @ApiProperty({ type: PerStatusResponse, description: 'Households per consent status' }) byStatus: PerStatusResponse;
}

export class AreaStatsResponse {
  @ApiProperty({ example: 10150.5, description: 'Land area of live households, m²' }) totalM2: number;
  @ApiProperty({ description: 'Area of agreed and handed-over households, m²' }) consentedM2: number;
  @ApiProperty() handedOverM2: number;
  @ApiProperty({ example: 0.0148, description: 'consentedM2 / totalM2, 4 decimals; 0 when there is no area' })
  consentRate: number;
  @ApiProperty({ type: PerStatusResponse, description: 'Area per consent status, m²' }) byStatus: PerStatusResponse;
}

export class VisitStatsResponse {
  @ApiProperty({ type: 'integer', description: 'Every visit recorded for the project' }) total: number;
  @ApiProperty({ type: 'integer', description: 'Visits in the 30 days up to `asOf`' }) last30Days: number;
}

export class FollowUpStatsResponse {
  @ApiProperty({
    type: 'integer',
    description: 'Live households not handed over whose planned follow-up is before `asOfDate`',
  })
  overdue: number;
}

export class ProjectStatsResponse {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PROJECT_STATUSES }) status: ProjectStatus;
  @ApiProperty({ type: HouseholdCountsResponse }) households: HouseholdCountsResponse;
  @ApiProperty({ example: 0.75, description: '(agreed + handed_over) / all live households, 4 decimals' })
  consentRate: number;
  @ApiProperty({ example: 0.05, description: 'conditional / all live households' }) conditionalRate: number;
  @ApiProperty({ example: 0.4, description: 'handed_over / all live households' }) handedOverRate: number;
  @ApiProperty({ type: AreaStatsResponse }) area: AreaStatsResponse;
  @ApiProperty({ type: VisitStatsResponse }) visits: VisitStatsResponse;
  @ApiProperty({ type: FollowUpStatsResponse }) followUps: FollowUpStatsResponse;
  @ApiProperty({ example: 0.75, description: "The project's consent threshold" }) consentThreshold: number;
  @ApiProperty({ description: 'consentRate (by households) has reached consentThreshold' }) thresholdReached: boolean;
  @ApiProperty({ description: 'The instant the figures describe' }) asOf: Date;
  @ApiProperty({
    format: 'date',
    example: '2026-03-10',
    description: 'Civil date in the product time zone (Asia/Ho_Chi_Minh) that overdue follow-ups are judged against',
  })
  asOfDate: string;

  static from(stats: ProjectStats): ProjectStatsResponse {
    return {
      projectId: stats.projectId,
      code: stats.code,
      name: stats.name,
      status: stats.status,
      households: stats.households,
      consentRate: stats.consentRate,
      conditionalRate: stats.conditionalRate,
      handedOverRate: stats.handedOverRate,
      area: stats.area,
      visits: stats.visits,
      followUps: stats.followUps,
      consentThreshold: stats.consentThreshold,
      thresholdReached: stats.thresholdReached,
      asOf: stats.asOf,
      asOfDate: stats.asOfDate,
    };
  }
}

export class ProjectStatsPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [ProjectStatsResponse] }) items: ProjectStatsResponse[];
}
