import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AdministrativeUnit,
  type AdministrativeLevel,
} from '../../src/modules/administrative-units/administrative-unit.entity.js';
import { Household } from '../../src/modules/households/household.entity.js';
import { ProjectAdministrativeUnit } from '../../src/modules/projects/project-administrative-unit.entity.js';
import { Project } from '../../src/modules/projects/project.entity.js';

/**
 * Factories write straight to the database (through the entities) so a test sets up exactly the
 * world it needs in a few lines; the behaviour under test is then exercised through the HTTP API.
 */
export const uniqueCode = (prefix: string): string => `${prefix}-${randomBytes(4).toString('hex')}`;

export async function makeUnit(
  ds: DataSource,
  overrides: Partial<AdministrativeUnit> & { level?: AdministrativeLevel } = {},
): Promise<AdministrativeUnit> {
  const repo = ds.getRepository(AdministrativeUnit);
  return repo.save(repo.create({ code: uniqueCode('U'), name: 'Phường Tây Hồ', level: 'ward', ...overrides }));
}

export async function makeProject(
  ds: DataSource,
  overrides: Partial<Project> & { unitIds?: string[] } = {},
): Promise<Project> {
  const { unitIds, ...fields } = overrides;
  const units = unitIds ?? [(await makeUnit(ds)).id];
  const repo = ds.getRepository(Project);
  const project = await repo.save(
    repo.create({ code: uniqueCode('P'), name: 'Dự án mương Thụy Khuê', consentThreshold: 0.75, ...fields }),
  );
  await ds
    .getRepository(ProjectAdministrativeUnit)
    .insert(units.map((administrativeUnitId) => ({ projectId: project.id, administrativeUnitId })));
  return project;
}

export async function makeHousehold(
  ds: DataSource,
  projectId: string,
  overrides: Partial<Household> = {},
): Promise<Household> {
  const repo = ds.getRepository(Household);
  return repo.save(
    repo.create({
      projectId,
      code: uniqueCode('HH'),
      headName: 'Nguyễn Văn An',
      address: 'Ngõ 12 Thụy Khuê, Tây Hồ',
      landAreaM2: 100,
      status: 'not_contacted',
      statusChangedAt: new Date('2025-01-01T00:00:00Z'),
      ...overrides,
    }),
  );
}
