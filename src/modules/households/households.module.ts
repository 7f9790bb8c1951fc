import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { HouseholdsController } from './households.controller.js';
import { HouseholdsRepository } from './households.repository.js';
import { HouseholdsService } from './households.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConsentTransition } from './consent-transition.entity.js';
import { Household } from './household.entity.js';
import { LandParcel } from './land-parcel.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([ConsentTransition, Household, LandParcel]), ProjectsModule, WebhooksModule],
  controllers: [HouseholdsController],
  providers: [HouseholdsService, HouseholdsRepository],
  exports: [HouseholdsService],
})
export class HouseholdsModule {}
