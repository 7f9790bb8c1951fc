import { Injectable } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { escapeLike } from '../../database/sql.js';
import type { ListProjectsQuery } from './dto/list-projects.query.js';
import { ProjectAdministrativeUnit } from './project-administrative-unit.entity.js';
import { Project } from './project.entity.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { mapUniqueViolations } from '../../database/unique-violation.js';
import { ProjectCodeTakenError } from './projects.errors.js';

const codeTaken = (code: string) => ({ projects_code_key: () => new ProjectCodeTakenError(code) });

@Injectable()
export class ProjectsRepository {
  constructor(private readonly tx: TransactionHost) {}

  private get manager(): EntityManager {
    return this.tx.manager;
  }

  findById(id: string): Promise<Project | null> {
    return this.manager.findOneBy(Project, { id });
  }

  findByIdForUpdate(id: string): Promise<Project | null> {
    return this.manager.findOne(Project, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Plain SQL: every request naming a project asks this (the access guard), so it skips the query builder. */
  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(`SELECT 1 FROM projects WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  /** Unit ids per project, for a page of projects in one query. */
  async unitIdsByProject(projectIds: readonly string[]): Promise<Map<string, string[]>> {
    const links = projectIds.length
      ? await this.manager.find(ProjectAdministrativeUnit, { where: { projectId: In([...projectIds]) } })
      : [];
    const byProject = new Map<string, string[]>(projectIds.map((id) => [id, []]));
    for (const link of links) byProject.get(link.projectId)?.push(link.administrativeUnitId);
    return byProject;
  }

  async list(
    query: ListProjectsQuery,
    unitIds: string[] | undefined,
    visibleIds: string[] | undefined,
  ): Promise<[Project[], number]> {
    const builder = this.manager.createQueryBuilder(Project, 'project');
    if (visibleIds) builder.andWhere('project.id = ANY(:visibleIds)', { visibleIds });
    if (unitIds) {
      builder.andWhere(
        `EXISTS (SELECT 1 FROM project_administrative_units pau
                 WHERE pau.project_id = project.id AND pau.administrative_unit_id = ANY(:unitIds))`,
        { unitIds },
      );
    }
    if (query.status) builder.andWhere('project.status = :status', { status: query.status });
    if (query.q) {
      builder.andWhere(`gpmb_fold(project.code || ' ' || project.name) LIKE '%' || gpmb_fold(:q) || '%'`, {
        q: escapeLike(query.q),
      });
    }
    return builder.orderBy('project.code', 'ASC').skip(query.offset).take(query.limit).getManyAndCount();
  }

  /** Ids of the projects lying in any of the given units (not paginated: for aggregate reads). */
  async idsInUnits(unitIds: readonly string[]): Promise<string[]> {
    const rows: { project_id: string }[] = await this.manager.query(
      `SELECT DISTINCT pau.project_id FROM project_administrative_units pau WHERE pau.administrative_unit_id = ANY($1)`,
      [unitIds],
    );
    return rows.map((row) => row.project_id);
  }

  /** Each project's first unit by code (deterministic): the ward its unit-level work goes to. */
  async primaryUnitIds(projectIds: readonly string[]): Promise<Map<string, string>> {
    if (projectIds.length === 0) return new Map();
    const rows: { project_id: string; administrative_unit_id: string }[] = await this.manager.query(
      `SELECT DISTINCT ON (pau.project_id) pau.project_id, pau.administrative_unit_id
       FROM project_administrative_units pau
       JOIN administrative_units au ON au.id = pau.administrative_unit_id
       WHERE pau.project_id = ANY($1::uuid[])
       ORDER BY pau.project_id, au.code, au.id`,
      [projectIds],
    );
    return new Map(rows.map((row) => [row.project_id, row.administrative_unit_id]));
  }

  /** Every unit some active project lies in, with its name and those projects. */
  async activeProjectsByUnit(): Promise<Array<{ unitId: string; unitName: string; projectIds: string[] }>> {
    const rows: { unit_id: string; unit_name: string; project_ids: string[] }[] = await this.manager.query(
      `SELECT au.id AS unit_id, au.name AS unit_name, array_agg(p.id ORDER BY p.id) AS project_ids
       FROM project_administrative_units pau
       JOIN projects p ON p.id = pau.project_id AND p.status = 'active'
       JOIN administrative_units au ON au.id = pau.administrative_unit_id
       GROUP BY au.id, au.name
       ORDER BY au.id`,
    );
    return rows.map((row) => ({ unitId: row.unit_id, unitName: row.unit_name, projectIds: row.project_ids }));
  }

  /** Active projects with how long a household may go without contact. */
  activeWithStaleLimits(): Promise<Array<{ id: string; staleAfterDays: number }>> {
    return this.manager.find(Project, {
      select: { id: true, staleAfterDays: true },
      where: { status: 'active' },
      order: { id: 'ASC' },
    });
  }

  insert(project: Partial<Project> & { code: string }): Promise<Project> {
    return mapUniqueViolations(
      () => this.manager.save(Project, this.manager.create(Project, project)),
      codeTaken(project.code),
    );
  }

  save(project: Project): Promise<Project> {
    return mapUniqueViolations(() => this.manager.save(Project, project), codeTaken(project.code));
  }

  async replaceUnits(projectId: string, unitIds: readonly string[]): Promise<void> {
    await this.manager.delete(ProjectAdministrativeUnit, { projectId });
    if (unitIds.length) {
      await this.manager.insert(
        ProjectAdministrativeUnit,
        unitIds.map((administrativeUnitId) => ({ projectId, administrativeUnitId })),
      );
    }
  }
}
