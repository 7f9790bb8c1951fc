import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { DialoguesController } from './dialogues.controller.js';
import { DialoguesRepository } from './dialogues.repository.js';
import { DialoguesService } from './dialogues.service.js';

@Module({
  imports: [ProjectsModule, HouseholdsModule],
  controllers: [DialoguesController],
  providers: [DialoguesService, DialoguesRepository],
  exports: [DialoguesService],
})
export class DialoguesModule {}
