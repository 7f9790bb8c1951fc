import { Module } from '@nestjs/common';
import { DemoSeeder } from './demo-seed.js';

/** The demo data of the Tây Hồ cases, loaded into an empty database at start-up when asked. */
@Module({ providers: [DemoSeeder], exports: [DemoSeeder] })
export class DemoModule {}
