import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { DialogueAnnouncements } from './dialogue-announcements.service.js';
import { DialogueParticipant } from './dialogue-participant.entity.js';
import { DialogueSession } from './dialogue-session.entity.js';
import { DialoguesController } from './dialogues.controller.js';
import { DialoguesRepository } from './dialogues.repository.js';
import { DialoguesService } from './dialogues.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([DialogueParticipant, DialogueSession]),
    ProjectsModule,
    HouseholdsModule,
    RemindersModule,
  ],
  controllers: [DialoguesController],
  providers: [DialoguesService, DialoguesRepository, DialogueAnnouncements],
  exports: [DialoguesService],
})
export class DialoguesModule {}
