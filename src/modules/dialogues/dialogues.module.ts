import { forwardRef, Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { DialoguesController } from './dialogues.controller.js';
import { DialoguesRepository } from './dialogues.repository.js';
import { DialoguesService } from './dialogues.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DialogueParticipant } from './dialogue-participant.entity.js';
import { DialogueSession } from './dialogue-session.entity.js';

@Module({
  // Reminders read sessions for the sweep and are scheduled from here: a cycle, hence forwardRef.
  imports: [
    TypeOrmModule.forFeature([DialogueParticipant, DialogueSession]),
    ProjectsModule,
    HouseholdsModule,
    forwardRef(() => RemindersModule),
  ],
  controllers: [DialoguesController],
  providers: [DialoguesService, DialoguesRepository],
  exports: [DialoguesService],
})
export class DialoguesModule {}
