import { AdministrativeUnit } from '../modules/administrative-units/administrative-unit.entity.js';
import { DialogueParticipant } from '../modules/dialogues/dialogue-participant.entity.js';
import { DialogueSession } from '../modules/dialogues/dialogue-session.entity.js';
import { ConsentTransition } from '../modules/households/consent-transition.entity.js';
import { Household } from '../modules/households/household.entity.js';
import { LandParcel } from '../modules/households/land-parcel.entity.js';
import { ProjectAdministrativeUnit } from '../modules/projects/project-administrative-unit.entity.js';
import { Project } from '../modules/projects/project.entity.js';
import { Visit } from '../modules/visits/visit.entity.js';

export const ENTITIES = [
  AdministrativeUnit,
  Project,
  ProjectAdministrativeUnit,
  Household,
  LandParcel,
  ConsentTransition,
  Visit,
  DialogueSession,
  DialogueParticipant,
];
