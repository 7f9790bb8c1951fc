import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { VisitsModule } from '../visits/visits.module.js';
import { WorkingGroupsModule } from '../working-groups/working-groups.module.js';
import { ExportsController } from './exports.controller.js';
import { ExportsService } from './exports.service.js';

/** Households and the visit log as CSV or XLSX, streamed. Owns no table. */
@Module({
  imports: [ProjectsModule, HouseholdsModule, VisitsModule, WorkingGroupsModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
