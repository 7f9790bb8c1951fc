import type { DataSource } from 'typeorm';
import type { Household } from '../../src/modules/households/household.entity.js';
import { Visit } from '../../src/modules/visits/visit.entity.js';

/** A home visit already recorded, straight in the database (the visits API is not under test here). */
export async function makeVisit(
  ds: DataSource,
  household: Pick<Household, 'id' | 'projectId'>,
  overrides: Partial<Visit> = {},
): Promise<Visit> {
  const repo = ds.getRepository(Visit);
  return repo.save(
    repo.create({
      householdId: household.id,
      projectId: household.projectId,
      visitedAt: new Date('2026-03-01T02:00:00Z'),
      officers: ['Trần Thị Bình'],
      outcome: 'listened',
      createdBy: 'test',
      ...overrides,
    }),
  );
}
