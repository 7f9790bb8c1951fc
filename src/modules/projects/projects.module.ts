import { Module } from '@nestjs/common';
import { AdministrativeUnitsModule } from '../administrative-units/administrative-units.module.js';
import { ProjectsController } from './projects.controller.js';
import { ProjectsRepository } from './projects.repository.js';
import { ProjectsService } from './projects.service.js';
import { ProjectScopes } from './project-scopes.service.js';
import { PrincipalScopes } from '../access/scope-resolvers.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Project } from './project.entity.js';
import { ProjectAdministrativeUnit } from './project-administrative-unit.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([Project, ProjectAdministrativeUnit]), AdministrativeUnitsModule],
  controllers: [ProjectsController],
  providers: [
    ProjectsService,
    ProjectsRepository,
    ProjectScopes,
    { provide: PrincipalScopes, useExisting: ProjectScopes },
  ],
  exports: [ProjectsService, ProjectScopes],
})
export class ProjectsModule {}
