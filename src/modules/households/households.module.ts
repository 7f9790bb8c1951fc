import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module.js';
import { WebhooksModule } from '../webhooks/webhooks.module.js';
import { HouseholdsController } from './households.controller.js';
import { HouseholdsRepository } from './households.repository.js';
import { HouseholdsService } from './households.service.js';

@Module({
  imports: [ProjectsModule, WebhooksModule],
  controllers: [HouseholdsController],
  providers: [HouseholdsService, HouseholdsRepository],
  exports: [HouseholdsService],
})
export class HouseholdsModule {}
