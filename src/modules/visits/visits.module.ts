import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { UsersModule } from '../users/users.module.js';
import { FollowUps } from './follow-ups.service.js';
import { Visit } from './visit.entity.js';
import { ProjectVisitsController } from './project-visits.controller.js';
import { VisitsController } from './visits.controller.js';
import { VisitsRepository } from './visits.repository.js';
import { VisitsService } from './visits.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Visit]), HouseholdsModule, ProjectsModule, RemindersModule, UsersModule],
  controllers: [VisitsController, ProjectVisitsController],
  providers: [VisitsService, VisitsRepository, FollowUps],
  exports: [VisitsService],
})
export class VisitsModule {}
