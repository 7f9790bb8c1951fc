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

/**
 * The storage the configuration names: a local directory by default, or an S3-compatible bucket
 * (the AWS SDK is loaded only then: it is large, and most deployments keep files on a volume).
 */
export async function evidenceStorageFor(config: AppConfig): Promise<EvidenceStorage> {
  const { storage } = config.evidence;
  if (storage.kind === 'local') return new LocalDiskStorage(storage.dir);
  const { S3Storage } = await import('./storage/s3.storage.js');
  return new S3Storage(storage);
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
