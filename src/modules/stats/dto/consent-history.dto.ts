import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCivilDate } from '../../../common/http/validators.js';
import type { Holdout } from '../../households/households.repository.js';
import { CONSENT_STATUSES, type ConsentStatus } from '../../households/domain/consent-status.js';
import { GRANULARITIES, type Granularity, HISTORY_METHOD, MAX_HISTORY_POINTS } from '../domain/consent-history.js';
import {
  DEFAULT_FORECAST_WEEKS,
  FORECAST_METHOD,
  MAX_FORECAST_WEEKS,
  MIN_FORECAST_WEEKS,
} from '../domain/consent-forecast.js';
import type { HistoryPoint, ProjectForecast } from '../consent-history.service.js';
import { AreaStatsResponse, HouseholdCountsResponse } from './project-stats.response.js';

export class ConsentOverTimeQuery {
  @ApiPropertyOptional({ enum: GRANULARITIES, default: 'month' })
  @IsOptional()
  @IsIn(GRANULARITIES)
  granularity?: Granularity;

  @ApiPropertyOptional({
    format: 'date',
    example: '2022-01-01',
    description: 'First day; default: the project’s creation',
  })
  @IsOptional()
  @IsCivilDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2023-12-31', description: 'Last day; default: today' })
  @IsOptional()
  @IsCivilDate()
  to?: string;
}

export class ConsentOverTimePointResponse {
  @ApiProperty({ format: 'date', description: 'First day of the period' }) periodStart: string;
  @ApiProperty({ format: 'date', description: 'Last day of the period: the figures stood so at its end' })
  date: string;
  @ApiProperty({ type: HouseholdCountsResponse }) households: HouseholdCountsResponse;
  @ApiProperty({ type: 'integer', description: 'Households not (yet) consented: total − consented' })
  notConsented: number;
  @ApiProperty({ example: 0.75 }) consentRate: number;
  @ApiProperty({ type: AreaStatsResponse }) area: AreaStatsResponse;
  @ApiProperty() thresholdReached: boolean;

  static from({ period, figures }: HistoryPoint): ConsentOverTimePointResponse {
    return {
      periodStart: period.start,
      date: period.end,
      households: figures.households,
      notConsented: figures.households.total - figures.households.consented,
      consentRate: figures.consentRate,
      area: figures.area,
      thresholdReached: figures.thresholdReached,
    };
  }
}

export class ConsentOverTimeResponse {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ enum: GRANULARITIES }) granularity: Granularity;
  @ApiProperty({
    description: `How the points are computed. At most ${MAX_HISTORY_POINTS} points.`,
    example: HISTORY_METHOD,
  })
  method: string;
  @ApiProperty({ type: [ConsentOverTimePointResponse], description: 'Oldest first' })
  points: ConsentOverTimePointResponse[];
}

export class ForecastQuery {
  @ApiPropertyOptional({
    type: 'integer',
    default: DEFAULT_FORECAST_WEEKS,
    minimum: MIN_FORECAST_WEEKS,
    maximum: MAX_FORECAST_WEEKS,
    description: 'Weeks of history the pace is measured over',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value,
  )
  @IsInt()
  @Min(MIN_FORECAST_WEEKS)
  @Max(MAX_FORECAST_WEEKS)
  weeks?: number;
}

export class ForecastTargetResponse {
  @ApiProperty({ type: 'integer', description: 'Households to be consented' }) households: number;
  @ApiProperty({ type: 'integer' }) remaining: number;
  @ApiProperty() reached: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'At the measured pace' })
  expectedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'At the fastest plausible pace' })
  earliestOn: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: 'At the slowest plausible pace; null when that pace is not positive',
  })
  latestOn: string | null;
}

export class HoldoutResponse {
  @ApiProperty({ format: 'uuid' }) householdId: string;
  @ApiProperty() code: string;
  @ApiProperty() headName: string;
  @ApiProperty({ enum: CONSENT_STATUSES }) status: ConsentStatus;
  @ApiProperty({ type: String, nullable: true }) condition: string | null;
  @ApiProperty() landAreaM2: number;
  @ApiProperty({ description: 'Holding out since its first recorded move (or its creation)' }) since: Date;
}

export class ForecastResponse {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: FORECAST_METHOD }) method: string;
  @ApiProperty({ format: 'date' }) windowStart: string;
  @ApiProperty({ format: 'date' }) windowEnd: string;
  @ApiProperty({ type: 'integer' }) households: number;
  @ApiProperty({ type: 'integer' }) consented: number;
  @ApiProperty({ example: 0.75 }) consentThreshold: number;
  @ApiProperty({ description: 'Net households consented per week, mean' }) velocityPerWeek: number;
  @ApiProperty({ description: 'Standard deviation of the weekly figures' }) spreadPerWeek: number;
  @ApiProperty({ description: '95 % interval of the pace, low' }) velocityLow: number;
  @ApiProperty({ description: '95 % interval of the pace, high' }) velocityHigh: number;
  @ApiProperty({ type: [Number], description: 'Net households consented in each week, oldest first' })
  weeklyConsents: number[];
  @ApiProperty({ type: ForecastTargetResponse }) threshold: ForecastTargetResponse;
  @ApiProperty({ type: ForecastTargetResponse, description: 'Every household consented' })
  complete: ForecastTargetResponse;
  @ApiProperty({ type: [HoldoutResponse], description: 'The households that block it the longest' })
  longestHoldouts: HoldoutResponse[];

  static from(
    projectId: string,
    { forecast, window, total, consented, consentThreshold, holdouts }: ProjectForecast,
  ): ForecastResponse {
    return {
      projectId,
      method: FORECAST_METHOD,
      windowStart: window.start,
      windowEnd: window.end,
      households: total,
      consented,
      consentThreshold,
      velocityPerWeek: forecast.velocityPerWeek,
      spreadPerWeek: forecast.spreadPerWeek,
      velocityLow: forecast.velocityInterval.low,
      velocityHigh: forecast.velocityInterval.high,
      weeklyConsents: forecast.weeklyConsents,
      threshold: forecast.threshold,
      complete: forecast.complete,
      longestHoldouts: holdouts.map((holdout: Holdout) => ({ ...holdout })),
    };
  }
}
