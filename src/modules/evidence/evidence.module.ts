import { Module } from '@nestjs/common';
import { MultipartModule } from '@nestjs/platform-fastify/multipart';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { EvidenceFile } from './evidence-file.entity.js';
import { EvidenceController } from './evidence.controller.js';
import { EvidenceRepository } from './evidence.repository.js';
import { EvidenceService } from './evidence.service.js';
import { EvidenceStorage } from './storage/evidence-storage.js';
import { LocalDiskStorage } from './storage/local-disk.storage.js';
import { S3Storage } from './storage/s3.storage.js';

/** The storage the configuration names: a local directory by default, or an S3-compatible bucket. */
export function evidenceStorageFor(config: AppConfig): EvidenceStorage {
  const { storage } = config.evidence;
  return storage.kind === 's3' ? new S3Storage(storage) : new LocalDiskStorage(storage.dir);
}

/**
 * Evidence files attached to visits, dialogue sessions, consent moves, complaints and enforcement
 * records. It knows those records only through their scope resolvers, so any module may point at
 * evidence without a cycle.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([EvidenceFile]),
    MultipartModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ limits: { fileSize: config.evidence.maxBytes } }),
    }),
  ],
  controllers: [EvidenceController],
  providers: [
    EvidenceService,
    EvidenceRepository,
    { provide: EvidenceStorage, inject: [APP_CONFIG], useFactory: evidenceStorageFor },
  ],
  exports: [EvidenceService],
})
export class EvidenceModule {}
