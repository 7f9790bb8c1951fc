import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { HouseholdsModule } from '../households/households.module.js';
import { ProjectsModule } from '../projects/projects.module.js';
import { HouseholdImport } from './household-import.entity.js';
import { ImportsController } from './imports.controller.js';
import { ImportsRepository } from './imports.repository.js';
import { ImportsService } from './imports.service.js';

/** Imports of household lists from CSV and XLSX. */
@Module({
  imports: [TypeOrmModule.forFeature([HouseholdImport]), ProjectsModule, HouseholdsModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportsRepository],
})
export class ImportsModule {}
