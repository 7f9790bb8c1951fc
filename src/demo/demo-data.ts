import type { AdministrativeUnit } from '../modules/administrative-units/administrative-unit.entity.js';
import type { DialogueParticipant } from '../modules/dialogues/dialogue-participant.entity.js';
import type { DialogueSession } from '../modules/dialogues/dialogue-session.entity.js';
import type { Household } from '../modules/households/household.entity.js';
import type { ProjectAdministrativeUnit } from '../modules/projects/project-administrative-unit.entity.js';
import type { Project } from '../modules/projects/project.entity.js';
import type { Visit } from '../modules/visits/visit.entity.js';
import { UNIT_SEEDS } from './administrative-units.js';
import type { CivilDate } from './calendar.js';
import type { TransitionRow } from './household-history.js';
import type { ParcelRow, ProjectData, RecipeContext } from './project-data.js';
import { namThangLong } from './projects/nam-thang-long.js';
import { tamDa } from './projects/tam-da.js';
import { thuyKhue } from './projects/thuy-khue.js';
import { Random } from './random.js';

export type UnitRow = Omit<AdministrativeUnit, 'createdAt'>;

/** Every row of the demo, ready to insert, parents before children. */
export interface DemoData {
  units: UnitRow[];
  projects: Project[];
  projectUnits: ProjectAdministrativeUnit[];
  households: Household[];
  parcels: ParcelRow[];
  visits: Visit[];
  transitions: TransitionRow[];
  sessions: DialogueSession[];
  participants: DialogueParticipant[];
}

const SEED = 20_231_130;
/** The demo places recent visits around "today"; its fixed history ends in 2025. */
export const EARLIEST_DEMO_TODAY = '2025-09-01';

const RECIPES: readonly [string, (ctx: RecipeContext) => ProjectData][] = [
  ['thuy-khue', thuyKhue],
  ['tam-da', tamDa],
  ['nam-thang-long', namThangLong],
];

/**
 * Builds the demo data set. Pure and deterministic: the same `today` gives the same rows, ids
 * included. No IO, no clock, no Math.random.
 */
export function buildDemoData(today: CivilDate): DemoData {
  if (today < EARLIEST_DEMO_TODAY) {
    throw new Error(`The demo data is written for a "today" from ${EARLIEST_DEMO_TODAY} on; the clock says ${today}`);
  }
  const root = new Random(SEED);
  const unitIds = root.fork('administrative-units');
  const units: UnitRow[] = [];
  const idByCode = new Map<string, string>();
  for (const seed of UNIT_SEEDS) {
    const id = unitIds.uuid();
    idByCode.set(seed.code, id);
    units.push({
      id,
      code: seed.code,
      name: seed.name,
      level: seed.level,
      parentId: seed.parentCode ? unitIdOf(idByCode, seed.parentCode) : null,
      validFrom: seed.validFrom,
      validTo: seed.validTo,
    });
  }

  const data: DemoData = {
    units,
    projects: [],
    projectUnits: [],
    households: [],
    parcels: [],
    visits: [],
    transitions: [],
    sessions: [],
    participants: [],
  };
  for (const [label, recipe] of RECIPES) {
    const project = recipe({
      people: root.fork(`${label}:people`),
      events: root.fork(`${label}:events`),
      ids: root.fork(`${label}:ids`),
      eventIds: root.fork(`${label}:event-ids`),
      today,
    });
    data.projects.push(project.project);
    data.projectUnits.push(
      ...project.unitCodes.map((code) => ({
        projectId: project.project.id,
        administrativeUnitId: unitIdOf(idByCode, code),
      })),
    );
    data.households.push(...project.households);
    data.parcels.push(...project.parcels);
    for (const history of project.histories) {
      data.visits.push(...history.visits);
      data.transitions.push(...history.transitions);
    }
    data.sessions.push(...project.sessions);
    data.participants.push(...project.participants);
  }
  return data;
}

function unitIdOf(idByCode: ReadonlyMap<string, string>, code: string): string {
  const id = idByCode.get(code);
  if (!id) throw new Error(`demo data: unknown administrative unit ${code}`);
  return id;
}
