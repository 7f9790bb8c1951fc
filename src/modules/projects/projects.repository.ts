import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { escapeLike } from '../../database/sql.js';
import type { ListProjectsQuery } from './dto/list-projects.query.js';
import { ProjectAdministrativeUnit } from './project-administrative-unit.entity.js';
import { Project } from './project.entity.js';

@Injectable()
export class ProjectsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  findById(id: string, em: EntityManager = this.dataSource.manager): Promise<Project | null> {
    return em.findOneBy(Project, { id });
  }

  findByIdForUpdate(id: string, em: EntityManager): Promise<Project | null> {
    return em.findOne(Project, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async exists(id: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(Project, { id });
  }

  /** Unit ids per project, for a page of projects in one query. */
  async unitIdsByProject(
    projectIds: readonly string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, string[]>> {
    const links = projectIds.length
      ? await em.find(ProjectAdministrativeUnit, { where: { projectId: In([...projectIds]) } })
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
    const builder = this.dataSource.manager.createQueryBuilder(Project, 'project');
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
    const rows: { project_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT pau.project_id FROM project_administrative_units pau WHERE pau.administrative_unit_id = ANY($1)`,
      [unitIds],
    );
    return rows.map((row) => row.project_id);
  }

  insert(project: Partial<Project>, em: EntityManager): Promise<Project> {
    return em.save(Project, em.create(Project, project));
  }

  save(project: Project, em: EntityManager): Promise<Project> {
    return em.save(Project, project);
  }

  async replaceUnits(projectId: string, unitIds: readonly string[], em: EntityManager): Promise<void> {
    await em.delete(ProjectAdministrativeUnit, { projectId });
    if (unitIds.length) {
      await em.insert(
        ProjectAdministrativeUnit,
        unitIds.map((administrativeUnitId) => ({ projectId, administrativeUnitId })),
      );
    }
  }
}
