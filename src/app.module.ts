import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Clock } from './common/clock/clock.js';
import { CommonModule } from './common/common.module.js';
import { RequestContextMiddleware } from './common/request-context.middleware.js';
import type { AppConfig } from './config/app-config.js';
import { DatabaseModule } from './database/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { EventsModule } from './events/events.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { WorkerModule } from './jobs/worker.module.js';
import { AccessModule } from './modules/access/access.module.js';
import { AdministrativeUnitsModule } from './modules/administrative-units/administrative-units.module.js';
import { DialoguesModule } from './modules/dialogues/dialogues.module.js';
import { ApiKeysModule } from './modules/api-keys/api-keys.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { HouseholdsModule } from './modules/households/households.module.js';
import { IdempotencyModule } from './modules/idempotency/idempotency.module.js';
import { ProjectsModule } from './modules/projects/projects.module.js';
import { StatsModule } from './modules/stats/stats.module.js';
import { ComplaintsModule } from './modules/complaints/complaints.module.js';
import { EnforcementModule } from './modules/enforcement/enforcement.module.js';
import { LegalClockModule } from './modules/legal-clock/legal-clock.module.js';
import { RemindersModule } from './modules/reminders/reminders.module.js';
import { ResettlementModule } from './modules/resettlement/resettlement.module.js';
import { WebhooksModule } from './modules/webhooks/webhooks.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { VisitsModule } from './modules/visits/visits.module.js';
import { WorkingGroupsModule } from './modules/working-groups/working-groups.module.js';
import { AgendaModule } from './modules/agenda/agenda.module.js';
import { SyncModule } from './modules/sync/sync.module.js';
import { EvidenceModule } from './modules/evidence/evidence.module.js';
import { CommitmentsModule } from './modules/commitments/commitments.module.js';
import { ExportsModule } from './modules/exports/exports.module.js';
import { ImportsModule } from './modules/imports/imports.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';

export interface AppModuleOptions {
  /** Replaces the system clock; tests move time with it. */
  clock?: Clock;
  /** Consume jobs in this process (default: the RUN_WORKER_IN_API setting). */
  worker?: boolean;
  /** More modules to load with the product's (tests add subscribers of their own). */
  imports?: ModuleImport[];
}

type ModuleImport = NonNullable<DynamicModule['imports']>[number];

export const REQUEST_ID_HEADER = 'x-request-id';

/** A client may send its own request id (to correlate with its logs); otherwise we make one. */
export function requestIdFor(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER];
  const candidate = Array.isArray(given) ? given[0] : given;
  return candidate && /^[\w.:-]{1,100}$/.test(candidate) ? candidate : randomUUID();
}

@Module({})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestContextMiddleware).forRoutes('*path');
  }

  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CommonModule.forRoot(config, options.clock),
        DatabaseModule,
        JobsModule,
        EventsModule,
        ...((options.worker ?? config.jobs.runWorkerInApi) ? [WorkerModule] : []),
        AuditModule,
        AccessModule,
        IdempotencyModule,
        HealthModule,
        UsersModule,
        AuthModule,
        ApiKeysModule,
        AdministrativeUnitsModule,
        ProjectsModule,
        HouseholdsModule,
        VisitsModule,
        WorkingGroupsModule,
        AgendaModule,
        SyncModule,
        EvidenceModule,
        CommitmentsModule,
        ExportsModule,
        ImportsModule,
        ReportsModule,
        DialoguesModule,
        StatsModule,
        LegalClockModule,
        ComplaintsModule,
        EnforcementModule,
        RemindersModule,
        ResettlementModule,
        WebhooksModule,
        DemoModule,
        ...(options.imports ?? []),
      ],
    };
  }
}
