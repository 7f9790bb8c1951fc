import { Module } from '@nestjs/common';
import { AdministrativeUnitsModule } from '../administrative-units/administrative-units.module.js';
import { AdminBootstrap } from './admin-bootstrap.js';
import { UsersController } from './users.controller.js';
import { SignInFailuresRepository } from './sign-in-failures.repository.js';
import { UsersRepository } from './users.repository.js';
import { UsersService } from './users.service.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from './user.entity.js';
import { UserAdministrativeUnit } from './user-administrative-unit.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([User, UserAdministrativeUnit]), AdministrativeUnitsModule],
  controllers: [UsersController],
  providers: [UsersService, UsersRepository, SignInFailuresRepository, AdminBootstrap],
  exports: [UsersService],
})
export class UsersModule {}
