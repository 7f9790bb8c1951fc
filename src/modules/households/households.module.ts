import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ConsentTransition } from './consent-transition.entity.js';
import { Household } from './household.entity.js';
import { HouseholdsBulkRepository } from './households-bulk.repository.js';
import { HouseholdsBulkService } from './households-bulk.service.js';
import { HouseholdsController } from './households.controller.js';
import { HouseholdsRepository } from './households.repository.js';
import { HouseholdsService } from './households.service.js';
import { LandParcel } from './land-parcel.entity.js';
import { StaleHouseholds } from './stale-households.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ConsentTransition, Household, LandParcel]),
    ProjectsModule,
    RemindersModule,
    AuditModule,
  ],
  controllers: [HouseholdsController],
  providers: [
    HouseholdsService,
    HouseholdsRepository,
    HouseholdsBulkService,
    HouseholdsBulkRepository,
    StaleHouseholds,
  ],
  exports: [HouseholdsService, HouseholdsBulkService],
})
export class HouseholdsModule {}
