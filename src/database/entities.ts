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
import { EnforcementRecord } from '../modules/enforcement/enforcement-record.entity.js';
import { ResettlementFundProject } from '../modules/resettlement/resettlement-fund-project.entity.js';
import { ResettlementFund } from '../modules/resettlement/resettlement-fund.entity.js';
import { ResettlementOffer } from '../modules/resettlement/resettlement-offer.entity.js';
import { ResettlementUnit } from '../modules/resettlement/resettlement-unit.entity.js';
import { ProjectStatsSnapshot } from '../modules/stats/project-stats-snapshot.entity.js';
import { WebhookDelivery } from '../modules/webhooks/webhook-delivery.entity.js';
import { WebhookSubscription } from '../modules/webhooks/webhook-subscription.entity.js';
import { Reminder } from '../modules/reminders/reminder.entity.js';
import { ComplaintEvent } from '../modules/complaints/complaint-event.entity.js';
import { Complaint } from '../modules/complaints/complaint.entity.js';
import { DeadlineRule } from '../modules/legal-clock/deadline-rule.entity.js';
import { Holiday } from '../modules/legal-clock/holiday.entity.js';
import { LegalMilestone } from '../modules/legal-clock/milestones/legal-milestone.entity.js';

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
  WebhookSubscription,
  WebhookDelivery,
  ProjectStatsSnapshot,
  ResettlementFund,
  ResettlementFundProject,
  ResettlementUnit,
  ResettlementOffer,
  Reminder,
  EnforcementRecord,
  DeadlineRule,
  Holiday,
  Complaint,
  ComplaintEvent,
  LegalMilestone,
];
