import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module.js';
import { VisitsController } from './visits.controller.js';
import { VisitsRepository } from './visits.repository.js';
import { VisitsService } from './visits.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Visit } from './visit.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Visit]), HouseholdsModule],
  controllers: [VisitsController],
  providers: [VisitsService, VisitsRepository],
  exports: [VisitsService],
})
export class VisitsModule {}
