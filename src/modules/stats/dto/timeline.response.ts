import { ApiProperty } from '@nestjs/swagger';
import type { ProjectStatsSnapshot } from '../project-stats-snapshot.entity.js';
import { PerStatusResponse } from './project-stats.response.js';

export class TimelinePointResponse {
  @ApiProperty({
    format: 'date',
    example: '2026-03-10',
    description: 'The civil day (Asia/Ho_Chi_Minh) the figures describe',
  })
  date: string;
  @ApiProperty({ type: 'integer', description: 'Live households' }) householdsTotal: number;
  @ApiProperty({ type: 'integer', description: 'Agreed or handed over' }) householdsConsented: number;
  @ApiProperty({ type: 'integer' }) householdsConditional: number;
  @ApiProperty({ type: 'integer' }) householdsHandedOver: number;
  @ApiProperty({ example: 0.75, description: 'By households, 4 decimals' }) consentRate: number;
  @ApiProperty({ example: 0.4 }) handedOverRate: number;
  @ApiProperty({ description: 'm²' }) areaTotalM2: number;
  @ApiProperty({ description: 'm²' }) areaConsentedM2: number;
  @ApiProperty({ description: 'm²' }) areaHandedOverM2: number;
  @ApiProperty({ example: 0.8, description: 'By land area, 4 decimals' }) areaConsentRate: number;
  @ApiProperty({ type: PerStatusResponse }) byStatus: PerStatusResponse;
  @ApiProperty({ description: 'The instant the snapshot was taken' }) takenAt: Date;

  static from(snapshot: ProjectStatsSnapshot): TimelinePointResponse {
    return {
      date: snapshot.takenOn,
      householdsTotal: snapshot.householdsTotal,
      householdsConsented: snapshot.householdsConsented,
      householdsConditional: snapshot.householdsConditional,
      householdsHandedOver: snapshot.householdsHandedOver,
      consentRate: snapshot.consentRate,
      handedOverRate: snapshot.handedOverRate,
      areaTotalM2: snapshot.areaTotalM2,
      areaConsentedM2: snapshot.areaConsentedM2,
      areaHandedOverM2: snapshot.areaHandedOverM2,
      areaConsentRate: snapshot.areaConsentRate,
      byStatus: snapshot.byStatus,
      takenAt: snapshot.takenAt,
    };
  }
}

export class TimelineResponse {
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ type: [TimelinePointResponse], description: 'One point per snapshot day, oldest first' })
  points: TimelinePointResponse[];
}
