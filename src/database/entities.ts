import { AdministrativeUnit } from '../modules/administrative-units/administrative-unit.entity.js';
import { ApiKeyAdministrativeUnit } from '../modules/api-keys/api-key-administrative-unit.entity.js';
import { ApiKey } from '../modules/api-keys/api-key.entity.js';
import { AuditEntry } from '../modules/audit/audit-entry.entity.js';
import { RefreshToken } from '../modules/auth/refresh-token.entity.js';
import { DialogueParticipant } from '../modules/dialogues/dialogue-participant.entity.js';
import { DialogueSession } from '../modules/dialogues/dialogue-session.entity.js';
import { ConsentTransition } from '../modules/households/consent-transition.entity.js';
import { Household } from '../modules/households/household.entity.js';
import { LandParcel } from '../modules/households/land-parcel.entity.js';
import { OutboxEntry } from '../jobs/outbox-entry.entity.js';
import { IdempotencyRecord } from '../modules/idempotency/idempotency-record.entity.js';
import { ProjectAdministrativeUnit } from '../modules/projects/project-administrative-unit.entity.js';
import { Project } from '../modules/projects/project.entity.js';
import { UserAdministrativeUnit } from '../modules/users/user-administrative-unit.entity.js';
import { User } from '../modules/users/user.entity.js';
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
  IdempotencyRecord,
  User,
  UserAdministrativeUnit,
  RefreshToken,
  ApiKey,
  ApiKeyAdministrativeUnit,
  AuditEntry,
  OutboxEntry,
];
