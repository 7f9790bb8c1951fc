import { Injectable } from '@nestjs/common';
import { CacheTags } from '../access/cache-tags.js';
import { CacheInvalidations } from '../../common/cache/cache-invalidations.js';
import { assertVersion, NotFoundError } from '../../common/errors/domain-error.js';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service.js';
import type { CreateProjectDto } from './dto/create-project.dto.js';
import type { ListProjectsQuery } from './dto/list-projects.query.js';
import type { UpdateProjectDto } from './dto/update-project.dto.js';
import { EVERYTHING, type Scope, unitsInScope, visibleProjectIds } from '../access/scope.js';
import type { Project } from './project.entity.js';
import { InvalidProjectDatesError, UnknownAdministrativeUnitsError } from './projects.errors.js';
import { ProjectsRepository } from './projects.repository.js';
import { TransactionHost } from '../../database/transaction-host.js';

export interface ProjectWithUnits {
  project: Project;
  administrativeUnitIds: string[];
}

type ProjectDates = Pick<Project, 'startedOn' | 'targetOn' | 'cutoffOn'>;

@Injectable()
export class ProjectsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly projects: ProjectsRepository,
    private readonly units: AdministrativeUnitsService,
    private readonly invalidations: CacheInvalidations,
  ) {}

  /** Which projects lie in which units changed: every cached scope is stale, in every process. */
  private forgetScopesAfterCommit(): void {
    this.tx.afterCommit(() => this.invalidations.invalidate(CacheTags.scopes));
  }

  async create(input: CreateProjectDto, scope: Scope = EVERYTHING): Promise<ProjectWithUnits> {
    await this.assertUnitsUsable(input.administrativeUnitIds, scope);
    assertDateOrder({
      startedOn: input.startedOn ?? null,
      targetOn: input.targetOn ?? null,
      cutoffOn: input.cutoffOn ?? null,
    });
    const { administrativeUnitIds, ...fields } = input;
    return this.tx.run(async () => {
      const project = await this.projects.insert(fields);
      await this.projects.replaceUnits(project.id, administrativeUnitIds);
      this.forgetScopesAfterCommit();
      return { project, administrativeUnitIds };
    });
  }

  async get(id: string): Promise<ProjectWithUnits> {
    const project = await this.projects.findById(id);
    if (!project) throw new NotFoundError('Project', id);
    const units = await this.projects.unitIdsByProject([id]);
    return { project, administrativeUnitIds: units.get(id) ?? [] };
  }

  async assertExists(id: string): Promise<void> {
    if (!(await this.projects.exists(id))) throw new NotFoundError('Project', id);
  }

  async list(query: ListProjectsQuery, scope: Scope = EVERYTHING): Promise<[ProjectWithUnits[], number]> {
    const unitIds = query.administrativeUnitId ? await this.unitScope(query.administrativeUnitId) : undefined;
    const [projects, total] = await this.projects.list(query, unitIds, visibleProjectIds(scope));
    const units = await this.projects.unitIdsByProject(projects.map((p) => p.id));
    return [projects.map((project) => ({ project, administrativeUnitIds: units.get(project.id) ?? [] })), total];
  }

  /**
   * The ward a project's unit-level work (reminders, digests) goes to: its first administrative unit
   * by code. Null for a project without units.
   */
  async primaryUnitOf(projectId: string): Promise<string | null> {
    return (await this.projects.primaryUnitIds([projectId])).get(projectId) ?? null;
  }

  primaryUnitsOf(projectIds: readonly string[]): Promise<Map<string, string>> {
    return this.projects.primaryUnitIds(projectIds);
  }

  /** Every ward some active project lies in, with its name and those projects. */
  activeProjectsByUnit(): Promise<Array<{ unitId: string; unitName: string; projectIds: string[] }>> {
    return this.projects.activeProjectsByUnit();
  }

  /** Active projects and the days a household may go uncontacted in each. */
  activeWithStaleLimits(): Promise<Array<{ id: string; staleAfterDays: number }>> {
    return this.projects.activeWithStaleLimits();
  }

  /** Ids of every project lying in the unit or any unit below it. */
  async idsInUnit(administrativeUnitId: string): Promise<string[]> {
    return this.projects.idsInUnits(await this.unitScope(administrativeUnitId));
  }

  async update(
    id: string,
    input: UpdateProjectDto,
    expected: number | undefined,
    scope: Scope = EVERYTHING,
  ): Promise<ProjectWithUnits> {
    const { administrativeUnitIds, version: _version, ...fields } = input;
    if (administrativeUnitIds) await this.assertUnitsUsable(administrativeUnitIds, scope);
    return this.tx.run(async () => {
      const project = await this.projects.findByIdForUpdate(id);
      if (!project) throw new NotFoundError('Project', id);
      assertVersion('Project', project, expected);
      Object.assign(project, fields);
      assertDateOrder(project);
      project.version += 1;
      const saved = await this.projects.save(project);
      if (administrativeUnitIds) {
        await this.projects.replaceUnits(id, administrativeUnitIds);
        this.forgetScopesAfterCommit();
      }
      const units = administrativeUnitIds ?? (await this.projects.unitIdsByProject([id])).get(id) ?? [];
      return { project: saved, administrativeUnitIds: units };
    });
  }

  private async unitScope(administrativeUnitId: string): Promise<string[]> {
    await this.units.get(administrativeUnitId);
    return this.units.subtreeIds(administrativeUnitId);
  }

  /** Units must exist and lie in the caller's scope; the two cases are one answer, so none leaks. */
  private async assertUnitsUsable(ids: string[], scope: Scope): Promise<void> {
    const missing = await this.units.findMissing(ids);
    const outside = ids.filter((id) => !missing.includes(id) && !unitsInScope(scope, [id]).length);
    if (missing.length || outside.length) throw new UnknownAdministrativeUnitsError([...missing, ...outside]);
  }
}

function assertDateOrder(dates: ProjectDates): void {
  if (dates.startedOn && dates.targetOn && dates.targetOn < dates.startedOn) {
    throw new InvalidProjectDatesError(
      'targetOn',
      `targetOn (${dates.targetOn}) is before startedOn (${dates.startedOn})`,
    );
  }
}
