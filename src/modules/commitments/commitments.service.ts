import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock.js';
import { assertVersion, type FieldErrors, NotFoundError } from '../../common/errors/domain-error.js';
import type { Actor } from '../../common/request-context.js';
import { TransactionHost } from '../../database/transaction-host.js';
import type { Principal } from '../access/principal.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import { projectInScope, type RecordLocation, type Scope } from '../access/scope.js';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service.js';
import { EvidenceService } from '../evidence/evidence.service.js';
import { HouseholdsService } from '../households/households.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { UsersService } from '../users/users.service.js';
import type { CommitmentUpdate } from './commitment-update.entity.js';
import type { Commitment } from './commitment.entity.js';
import { type CommitmentFilter, CommitmentsRepository } from './commitments.repository.js';
import { CommitmentInputError, CommitmentRefusedError } from './commitments.errors.js';
import {
  type CommitmentDecision,
  decideClose,
  decideReport,
  decideReview,
  decideUpdate,
} from './domain/commitment.rules.js';
import type {
  CloseCommitmentDto,
  CommitmentProgressDto,
  CreateCommitmentDto,
  ReviewCommitmentDto,
} from './dto/commitment.dto.js';

export interface CommitmentWithUpdates {
  commitment: Commitment;
  updates: CommitmentUpdate[];
}

/**
 * Hard-task commitments (đăng ký việc khó): registered by a cadre with a scope, a target and a
 * deadline; reported on with evidence; closed by the cadre; reviewed at year end by the supervisor.
 */
@Injectable()
export class CommitmentsService {
  constructor(
    private readonly commitments: CommitmentsRepository,
    private readonly units: AdministrativeUnitsService,
    private readonly projects: ProjectsService,
    private readonly households: HouseholdsService,
    private readonly users: UsersService,
    private readonly evidence: EvidenceService,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** Registers a task; everything it names must exist and lie in the caller's scope. */
  async register(input: CreateCommitmentDto, scope: Scope, actor: Actor): Promise<CommitmentWithUpdates> {
    const errors: FieldErrors = {};
    const unitVisible = scope.all || scope.unitIds.includes(input.administrativeUnitId);
    if (!unitVisible || !(await this.unitExists(input.administrativeUnitId))) {
      errors.administrativeUnitId = [`unit ${input.administrativeUnitId} is not a unit you work in`];
    }
    const projectId = input.scopeKind === 'free_text' ? null : (input.projectId ?? null);
    if (input.scopeKind === 'free_text' && input.projectId) {
      errors.projectId = ['a free-text commitment names no project; choose the project scope instead'];
    } else if (projectId && (!projectInScope(scope, projectId) || !(await this.projectExists(projectId)))) {
      errors.projectId = [`project ${projectId} is not a project you see`];
    }
    const householdIds = input.scopeKind === 'households' ? (input.householdIds ?? []) : [];
    if (input.scopeKind !== 'households' && input.householdIds?.length) {
      errors.householdIds = ['households are named only with the households scope'];
    }
    if (projectId && householdIds.length && !errors.projectId) {
      const live = new Set(await this.households.findIdsInProject(projectId, householdIds));
      const outside = householdIds.filter((id) => !live.has(id));
      if (outside.length)
        errors.householdIds = outside.map((id) => `household ${id} is not a live household of the project`);
    }
    const ownerId = input.ownerId ?? (actor.type === 'user' ? actor.id : null);
    const [owner] = ownerId ? await this.users.findActiveIdentities([ownerId]) : [];
    if (!owner) errors.ownerId = [ownerId ? `user ${ownerId} is not an active account` : 'name the cadre who commits'];
    if (Object.keys(errors).length) throw new CommitmentInputError(errors);

    const commitment = await this.commitments.insert({
      administrativeUnitId: input.administrativeUnitId,
      year: input.year,
      ownerId: owner.id,
      ownerName: owner.fullName,
      ownerTitle: input.ownerTitle ?? null,
      title: input.title,
      scopeKind: input.scopeKind,
      projectId,
      householdIds,
      scopeText: input.scopeText ?? null,
      target: input.target,
      deadline: input.deadline,
      createdBy: actor.name,
      createdById: actor.type === 'user' ? actor.id : null,
    });
    return { commitment, updates: [] };
  }

  async get(id: string): Promise<CommitmentWithUpdates> {
    const commitment = await this.commitments.findById(id);
    if (!commitment) throw new NotFoundError('Commitment', id);
    return { commitment, updates: await this.commitments.updatesOf([id]) };
  }

  async list(scope: Scope, filter: CommitmentFilter): Promise<[CommitmentWithUpdates[], number]> {
    const [commitments, total] = await this.commitments.list(scope, filter);
    const updates = await this.commitments.updatesOf(commitments.map((c) => c.id));
    return [
      commitments.map((commitment) => ({
        commitment,
        updates: updates.filter((update) => update.commitmentId === commitment.id),
      })),
      total,
    ];
  }

  /** A progress report, resting on evidence files attached to this commitment. */
  report(
    id: string,
    input: CommitmentProgressDto,
    principal: Principal,
    actor: Actor,
    expected: number | undefined,
  ): Promise<CommitmentWithUpdates> {
    return this.change(id, expected, async (commitment) => {
      refuseUnless(decideReport(commitment, principal));
      refuseUnless(decideUpdate(commitment));
      const evidenceIds = input.evidenceIds ?? [];
      const files = await this.evidence.findByIds(evidenceIds);
      const foreign = evidenceIds.filter(
        (fileId) => !files.some((f) => f.id === fileId && f.subjectType === 'commitment' && f.subjectId === id),
      );
      if (foreign.length) {
        throw new CommitmentInputError({
          evidenceIds: foreign.map((fileId) => `evidence ${fileId} is not a file of this commitment`),
        });
      }
      const at = input.at ? new Date(input.at) : this.clock.now();
      if (at > this.clock.now()) throw new CommitmentInputError({ at: ['at must not be in the future'] });
      await this.commitments.insertUpdate({
        commitmentId: id,
        at,
        note: input.note,
        progressPercent: input.progressPercent ?? null,
        evidenceIds,
        author: actor.name,
        authorId: actor.type === 'user' ? actor.id : null,
      });
    });
  }

  close(
    id: string,
    input: CloseCommitmentDto,
    principal: Principal,
    expected: number | undefined,
  ): Promise<CommitmentWithUpdates> {
    return this.change(id, expected, (commitment) => {
      refuseUnless(decideReport(commitment, principal));
      refuseUnless(decideClose(commitment));
      Object.assign(commitment, { status: input.outcome, closedAt: this.clock.now(), closingNote: input.note });
      return Promise.resolve();
    });
  }

  /** The supervisor's year-end review: a rating and comments, once. */
  review(
    id: string,
    input: ReviewCommitmentDto,
    actor: Actor,
    expected: number | undefined,
  ): Promise<CommitmentWithUpdates> {
    return this.change(id, expected, (commitment) => {
      refuseUnless(decideReview(commitment, actor.type === 'user' ? actor.id : null, this.clock.today()));
      Object.assign(commitment, {
        reviewRating: input.rating,
        reviewComments: input.comments,
        reviewedBy: actor.name,
        reviewedById: actor.type === 'user' ? actor.id : null,
        reviewedAt: this.clock.now(),
      });
      return Promise.resolve();
    });
  }

  /** Where a commitment lies, for `@InScope('commitment')`: its project, or its unit. */
  @ResolvesScope('commitment')
  async locate(id: string): Promise<RecordLocation | null> {
    const found = await this.commitments.locationOf(id);
    if (!found) return null;
    return found.projectId ? { projectIds: [found.projectId] } : { administrativeUnitId: found.administrativeUnitId };
  }

  /** Locks the commitment, checks the expected version, applies the change, bumps the version. */
  private async change(
    id: string,
    expected: number | undefined,
    apply: (commitment: Commitment) => Promise<void>,
  ): Promise<CommitmentWithUpdates> {
    await this.tx.run(async () => {
      const commitment = await this.commitments.findByIdForUpdate(id);
      if (!commitment) throw new NotFoundError('Commitment', id);
      assertVersion('Commitment', commitment, expected);
      await apply(commitment);
      commitment.version += 1;
      await this.commitments.save(commitment);
    });
    return this.get(id);
  }

  private async unitExists(id: string): Promise<boolean> {
    try {
      await this.units.get(id);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }

  private async projectExists(id: string): Promise<boolean> {
    try {
      await this.projects.assertExists(id);
      return true;
    } catch (error) {
      if (error instanceof NotFoundError) return false;
      throw error;
    }
  }
}

function refuseUnless(decision: CommitmentDecision): void {
  if (!decision.allowed) throw new CommitmentRefusedError(decision.code, decision.message);
}
