import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import { PROJECT_STATUSES, type Project, type ProjectStatus } from '../project.entity.js';

export class ProjectResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) administrativeUnitIds: string[];
  @ApiProperty({ nullable: true, type: Number }) totalAreaM2: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) startedOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) targetOn: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) cutoffOn: string | null;
  @ApiProperty() consentThreshold: number;
  @ApiProperty({ enum: PROJECT_STATUSES }) status: ProjectStatus;
  @ApiProperty({ type: 'integer' }) staleAfterDays: number;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(project: Project, administrativeUnitIds: string[]): ProjectResponse {
    return {
      id: project.id,
      code: project.code,
      name: project.name,
      description: project.description,
      administrativeUnitIds,
      totalAreaM2: project.totalAreaM2,
      startedOn: project.startedOn,
      targetOn: project.targetOn,
      cutoffOn: project.cutoffOn,
      consentThreshold: project.consentThreshold,
      status: project.status,
      staleAfterDays: project.staleAfterDays,
      version: project.version,
      createdAt: project.createdAt,
      updatedAt: project.updatedAt,
    };
  }
}

export class ProjectPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [ProjectResponse] }) items: ProjectResponse[];
}
