import { Module } from '@nestjs/common';
import { ComplaintsModule } from '../complaints/complaints.module.js';
import { DialoguesModule } from '../dialogues/dialogues.module.js';
import { EnforcementModule } from '../enforcement/enforcement.module.js';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { WorkingGroupsModule } from '../working-groups/working-groups.module.js';
import { AgendaController } from './agenda.controller.js';
import { AgendaService } from './agenda.service.js';

/** Today's agenda of a ward officer or chair: it reads the modules that own the work, and owns no table. */
@Module({
  imports: [
    ProjectsModule,
    HouseholdsModule,
    WorkingGroupsModule,
    ComplaintsModule,
    DialoguesModule,
    EnforcementModule,
  ],
  controllers: [AgendaController],
  providers: [AgendaService],
})
export class AgendaModule {}
