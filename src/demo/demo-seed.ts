import { type EntityManager, type EntityTarget, In, type ObjectLiteral, type QueryDeepPartialEntity } from 'typeorm';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock.js';
import { TransactionHost } from '../database/transaction-host.js';
import { EventBus } from '../events/event-bus.service.js';
import { JobsService } from '../jobs/jobs.service.js';
import { AdministrativeUnit } from '../modules/administrative-units/administrative-unit.entity.js';
import { DialogueParticipant } from '../modules/dialogues/dialogue-participant.entity.js';
import { DialogueSession } from '../modules/dialogues/dialogue-session.entity.js';
import { ConsentTransition } from '../modules/households/consent-transition.entity.js';
import { Household } from '../modules/households/household.entity.js';
import { LandParcel } from '../modules/households/land-parcel.entity.js';
import { ProjectAdministrativeUnit } from '../modules/projects/project-administrative-unit.entity.js';
import { Project } from '../modules/projects/project.entity.js';
import { Visit } from '../modules/visits/visit.entity.js';
import { buildDemoData, type UnitRow } from './demo-data.js';
import { insertDemoCommitments } from './demo-commitments.js';
import { insertDemoGroups } from './demo-groups.js';
import { insertDemoUsers } from './demo-users.js';

/** Serialises concurrent start-ups: only one process loads the demo. */
const DEMO_SEED_LOCK = 4_217_002;
/** Rows per INSERT: far below PostgreSQL's 65,535 bind parameters for the widest table. */
const CHUNK_SIZE = 500;

/**
 * Loads the demo data (three Tây Hồ projects from the 2024 report) when the database has no project
 * yet, in one transaction, and returns how many rows of each kind it wrote; returns undefined and
 * writes nothing otherwise. Administrative units that already exist (same code) are reused.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    private readonly tx: TransactionHost,
    private readonly events: EventBus,
    private readonly jobs: JobsService,
    private readonly clock: Clock,
  ) {}

  seedIfEmpty(): Promise<Record<string, number> | undefined> {
    return this.tx.run(async () => {
      const em = this.tx.manager;
      await em.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK]);
      if (await em.exists(Project)) return undefined;

      const data = buildDemoData(this.clock.today());
      const units = await insertUnits(em, data.units);
      await insertAll(em, Project, data.projects);
      await insertAll(
        em,
        ProjectAdministrativeUnit,
        data.projectUnits.map((row) => ({ ...row, administrativeUnitId: units.idOf(row.administrativeUnitId) })),
      );
      await insertAll(em, Household, data.households);
      await insertAll(em, LandParcel, data.parcels);
      await insertAll(em, Visit, data.visits);
      await insertAll(em, ConsentTransition, data.transitions);
      await insertAll(em, DialogueSession, data.sessions);
      await insertAll(em, DialogueParticipant, data.participants);
      const users = await insertDemoUsers(em);
      const groups = await insertDemoGroups(em, this.clock.now());
      const commitments = await insertDemoCommitments(em, this.clock.today());
      const jobs = await this.enqueueDemoJobs(em);

      return {
        administrativeUnits: units.inserted,
        projects: data.projects.length,
        households: data.households.length,
        landParcels: data.parcels.length,
        visits: data.visits.length,
        transitions: data.transitions.length,
        dialogueSessions: data.sessions.length,
        dialogueParticipants: data.participants.length,
        users,
        workingGroups: groups.groups,
        householdAssignments: groups.assignments,
        commitments,
        jobs,
      };
    });
  }

  /**
   * What live data would have set going: each household's latest visit announced (its follow-up
   * reminder), stale households, a first statistics snapshot. Written to the outbox with the data,
   * so a worker picks them up as soon as it runs; returns how many jobs that makes.
   */
  private async enqueueDemoJobs(em: EntityManager): Promise<number> {
    const outbox = async () => (await em.query<{ n: number }[]>('SELECT count(*)::int AS n FROM job_outbox'))[0].n;
    const before = await outbox();
    const latest: Array<{ id: string; household_id: string; project_id: string; visited_at: Date; next: string }> =
      await em.query(
        `SELECT DISTINCT ON (household_id) id, household_id, project_id, visited_at, next_follow_up_on::text AS next
         FROM visits WHERE next_follow_up_on IS NOT NULL
         ORDER BY household_id, visited_at DESC`,
      );
    for (const visit of latest) {
      await this.events.publish('visit.recorded', {
        visitId: visit.id,
        householdId: visit.household_id,
        projectId: visit.project_id,
        visitedAt: visit.visited_at.toISOString(),
        nextFollowUpOn: visit.next,
      });
    }
    await this.jobs.enqueue('households.find-stale', {}, { key: 'demo' });
    await this.jobs.enqueue('stats.snapshot', {}, { key: 'demo' });
    return (await outbox()) - before;
  }
}

/**
 * Someone may have entered the city or a ward before creating any project: a unit whose code
 * exists is reused, and its would-be children hang under the existing one.
 */
async function insertUnits(
  em: EntityManager,
  rows: UnitRow[],
): Promise<{ inserted: number; idOf(demoId: string): string }> {
  const existing = await em.find(AdministrativeUnit, {
    select: { id: true, code: true },
    where: { code: In(rows.map((r) => r.code)) },
  });
  const existingIdByCode = new Map(existing.map((unit) => [unit.code, unit.id]));
  const actualId = new Map<string, string>();
  const idOf = (demoId: string): string => actualId.get(demoId) ?? demoId;

  const missing: UnitRow[] = [];
  for (const row of rows) {
    const found = existingIdByCode.get(row.code);
    if (found) actualId.set(row.id, found);
    else missing.push({ ...row, parentId: row.parentId === null ? null : idOf(row.parentId) });
  }
  await insertAll(em, AdministrativeUnit, missing);
  return { inserted: missing.length, idOf };
}

async function insertAll<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: readonly QueryDeepPartialEntity<T>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK_SIZE) {
    await em.insert(target, rows.slice(start, start + CHUNK_SIZE));
  }
}
