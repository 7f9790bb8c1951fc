import type { DialogueParticipant } from '../modules/dialogues/dialogue-participant.entity.js';
import type { DialogueSession } from '../modules/dialogues/dialogue-session.entity.js';
import type { Household } from '../modules/households/household.entity.js';
import type { LandParcel } from '../modules/households/land-parcel.entity.js';
import type { Project } from '../modules/projects/project.entity.js';
import type { CivilDate } from './calendar.js';
import type { HouseholdHistory } from './household-history.js';
import type { Random } from './random.js';

export type ParcelRow = Omit<LandParcel, 'createdAt'>;
export type HouseholdBase = Omit<
  Household,
  keyof ReturnType<HouseholdHistory['fields']> | 'archivedAt' | 'archiveReason'
>;

/** What every project recipe is given. */
export interface RecipeContext {
  /** Who the households are, what land they hold, how their story ends: the same whatever today is. */
  people: Random;
  /** How their histories unfold (days, visitors, words), fitted around today. */
  events: Random;
  /** Ids of projects, households, parcels and sessions: stable across runs and days. */
  ids: Random;
  /** Ids of visits, whose number depends on today. */
  eventIds: Random;
  /** The demo's "today" (Hanoi): recent visits and follow-ups are placed around it. */
  today: CivilDate;
}

/** One project's share of the demo data; units are named by code and resolved later. */
export interface ProjectData {
  project: Project;
  unitCodes: string[];
  households: Household[];
  parcels: ParcelRow[];
  histories: HouseholdHistory[];
  sessions: DialogueSession[];
  participants: DialogueParticipant[];
}

/** The household row: fixed facts from the recipe, the rest from its history. */
export function householdRow(base: HouseholdBase, history: HouseholdHistory): Household {
  return { ...base, ...history.fields(), archivedAt: null, archiveReason: null };
}
