import { CoreSchema1764380000000 } from '../../migrations/1764380000000-CoreSchema.js';
import { AccessAndIntegrity1764390000000 } from '../../migrations/1764390000000-AccessAndIntegrity.js';
import { JobsAndReminders1764400000000 } from '../../migrations/1764400000000-JobsAndReminders.js';
import { LegalClock1764410000000 } from '../../migrations/1764410000000-LegalClock.js';
import { Enforcement1764415000000 } from '../../migrations/1764415000000-Enforcement.js';
import { Resettlement1764420000000 } from '../../migrations/1764420000000-Resettlement.js';
import { Reminders1764425000000 } from '../../migrations/1764425000000-Reminders.js';
import { WebhooksAndSnapshots1764430000000 } from '../../migrations/1764430000000-WebhooksAndSnapshots.js';
import { DomainEvents1764440000000 } from '../../migrations/1764440000000-DomainEvents.js';
import { SignInFailures1764455000000 } from '../../migrations/1764455000000-SignInFailures.js';
import { DurableJobs1764460000000 } from '../../migrations/1764460000000-DurableJobs.js';
import { StatsCounters1764470000000 } from '../../migrations/1764470000000-StatsCounters.js';
import { OutboxLeases1764480000000 } from '../../migrations/1764480000000-OutboxLeases.js';
import { FailedLoginTime1764490000000 } from '../../migrations/1764490000000-FailedLoginTime.js';
import { HouseholdListIndexes1764500000000 } from '../../migrations/1764500000000-HouseholdListIndexes.js';
import { WorkingGroups1764510000000 } from '../../migrations/1764510000000-WorkingGroups.js';
import { VisitOfficers1764520000000 } from '../../migrations/1764520000000-VisitOfficers.js';
import { EvidenceFiles1764530000000 } from '../../migrations/1764530000000-EvidenceFiles.js';
import { Commitments1764540000000 } from '../../migrations/1764540000000-Commitments.js';
import { HouseholdImports1764550000000 } from '../../migrations/1764550000000-HouseholdImports.js';

/**
 * Every migration, in order. Listed rather than globbed so the app, the CLI and the tests (which load
 * TypeScript through jest) all run exactly the same set.
 */
export const MIGRATIONS = [
  CoreSchema1764380000000,
  AccessAndIntegrity1764390000000,
  JobsAndReminders1764400000000,
  LegalClock1764410000000,
  Enforcement1764415000000,
  Resettlement1764420000000,
  Reminders1764425000000,
  WebhooksAndSnapshots1764430000000,
  DomainEvents1764440000000,
  SignInFailures1764455000000,
  DurableJobs1764460000000,
  StatsCounters1764470000000,
  OutboxLeases1764480000000,
  FailedLoginTime1764490000000,
  HouseholdListIndexes1764500000000,
  WorkingGroups1764510000000,
  VisitOfficers1764520000000,
  EvidenceFiles1764530000000,
  Commitments1764540000000,
  HouseholdImports1764550000000,
];
