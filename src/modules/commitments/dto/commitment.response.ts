import { ApiProperty } from '@nestjs/swagger';
import { PageMetaResponse } from '../../../common/http/pagination.js';
import type { CivilDate } from '../../../common/time/civil-date.js';
import type { CommitmentWithUpdates } from '../commitments.service.js';
import {
  COMMITMENT_SCOPES,
  COMMITMENT_STATUSES,
  type CommitmentOutcome,
  type CommitmentScope,
  type CommitmentStatus,
  outcomeOf,
  REVIEW_RATING_LABELS,
  REVIEW_RATINGS,
  type ReviewRating,
} from '../domain/commitment.rules.js';

const OUTCOMES = [...REVIEW_RATINGS, 'in_progress', 'overdue', 'awaiting_review'];

export class CommitmentUpdateResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() at: Date;
  @ApiProperty() note: string;
  @ApiProperty({ type: 'integer', nullable: true }) progressPercent: number | null;
  @ApiProperty({ type: [String], format: 'uuid' }) evidenceIds: string[];
  @ApiProperty() author: string;
}

export class CommitmentReviewResponse {
  @ApiProperty({ enum: REVIEW_RATINGS }) rating: ReviewRating;
  @ApiProperty({ example: 'Hoàn thành tốt' }) ratingLabel: string;
  @ApiProperty() comments: string;
  @ApiProperty() reviewedBy: string;
  @ApiProperty() reviewedAt: Date;
}

export class CommitmentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) administrativeUnitId: string;
  @ApiProperty({ type: 'integer' }) year: number;
  @ApiProperty({ format: 'uuid' }) ownerId: string;
  @ApiProperty() ownerName: string;
  @ApiProperty({ type: String, nullable: true }) ownerTitle: string | null;
  @ApiProperty() title: string;
  @ApiProperty({ enum: COMMITMENT_SCOPES }) scopeKind: CommitmentScope;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) projectId: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) householdIds: string[];
  @ApiProperty({ type: String, nullable: true }) scopeText: string | null;
  @ApiProperty() target: string;
  @ApiProperty({ format: 'date' }) deadline: string;
  @ApiProperty({ enum: COMMITMENT_STATUSES }) status: CommitmentStatus;
  @ApiProperty({ type: Date, nullable: true }) closedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) closingNote: string | null;
  @ApiProperty({
    enum: OUTCOMES,
    description:
      'The review rating once reviewed; else in_progress, overdue (open past its deadline) or awaiting_review',
  })
  outcome: CommitmentOutcome;
  @ApiProperty({ type: 'integer', nullable: true, description: 'The latest reported progress' })
  progressPercent: number | null;
  @ApiProperty({ type: CommitmentReviewResponse, nullable: true }) review: CommitmentReviewResponse | null;
  @ApiProperty({ type: [CommitmentUpdateResponse], description: 'Progress reports, oldest first' })
  updates: CommitmentUpdateResponse[];
  @ApiProperty() createdBy: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from({ commitment: c, updates }: CommitmentWithUpdates, today: CivilDate): CommitmentResponse {
    const reported = updates.filter((update) => update.progressPercent !== null);
    return {
      id: c.id,
      administrativeUnitId: c.administrativeUnitId,
      year: c.year,
      ownerId: c.ownerId,
      ownerName: c.ownerName,
      ownerTitle: c.ownerTitle,
      title: c.title,
      scopeKind: c.scopeKind,
      projectId: c.projectId,
      householdIds: c.householdIds,
      scopeText: c.scopeText,
      target: c.target,
      deadline: c.deadline,
      status: c.status,
      closedAt: c.closedAt,
      closingNote: c.closingNote,
      outcome: outcomeOf(c, today),
      progressPercent: reported.at(-1)?.progressPercent ?? null,
      review:
        c.reviewRating && c.reviewedAt
          ? {
              rating: c.reviewRating,
              ratingLabel: REVIEW_RATING_LABELS[c.reviewRating],
              comments: c.reviewComments ?? '',
              reviewedBy: c.reviewedBy ?? '',
              reviewedAt: c.reviewedAt,
            }
          : null,
      updates: updates.map((u) => ({
        id: u.id,
        at: u.at,
        note: u.note,
        progressPercent: u.progressPercent,
        evidenceIds: u.evidenceIds,
        author: u.author,
      })),
      createdBy: c.createdBy,
      version: c.version,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
  }
}

export class CommitmentPageResponse extends PageMetaResponse {
  @ApiProperty({ type: [CommitmentResponse] }) items: CommitmentResponse[];
}
