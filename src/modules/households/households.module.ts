import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectsModule } from '../projects/projects.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ConsentTransition } from './consent-transition.entity.js';
import { Household } from './household.entity.js';
import { HouseholdsController } from './households.controller.js';
import { HouseholdsRepository } from './households.repository.js';
import { HouseholdsService } from './households.service.js';
import { LandParcel } from './land-parcel.entity.js';
import { StaleHouseholds } from './stale-households.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ConsentTransition, Household, LandParcel]), ProjectsModule, RemindersModule],
  controllers: [HouseholdsController],
  providers: [HouseholdsService, HouseholdsRepository, StaleHouseholds],
  exports: [HouseholdsService],
})
export class HouseholdsModule {}
