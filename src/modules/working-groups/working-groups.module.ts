import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { UsersModule } from '../users/users.module.js';
import { VisitsModule } from '../visits/visits.module.js';
import { FieldWorkStatsController } from './field-work-stats.controller.js';
import { FieldWorkStatsService } from './field-work-stats.service.js';
import { HouseholdAssignment } from './household-assignment.entity.js';
import { WorkingGroupMember } from './working-group-member.entity.js';
import { WorkingGroup } from './working-group.entity.js';
import { WorkingGroupsController } from './working-groups.controller.js';
import { WorkingGroupsRepository } from './working-groups.repository.js';
import { WorkingGroupsService } from './working-groups.service.js';

/** Ward working groups (tổ công tác): members and the households each group is responsible for. */
@Module({
  imports: [
    TypeOrmModule.forFeature([WorkingGroup, WorkingGroupMember, HouseholdAssignment]),
    ProjectsModule,
    HouseholdsModule,
    UsersModule,
    VisitsModule,
  ],
  controllers: [WorkingGroupsController, FieldWorkStatsController],
  providers: [WorkingGroupsService, WorkingGroupsRepository, FieldWorkStatsService],
  exports: [WorkingGroupsService],
})
export class WorkingGroupsModule {}
