import { Inject, Injectable, PayloadTooLargeException } from '@nestjs/common';
import { fileTypeFromBuffer } from 'file-type';
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { Clock } from '../../common/clock/clock.js';
import { InputValidationError, NotFoundError } from '../../common/errors/domain-error.js';
import type { Actor } from '../../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { mapUniqueViolations } from '../../database/unique-violation.js';
import { ScopeRegistry } from '../access/scope-registry.service.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import type { RecordLocation } from '../access/scope.js';
import {
  ALREADY_SUPERSEDED,
  cleanFileName,
  type EvidenceKind,
  type EvidenceSubject,
  refuseContent,
  refuseSupersede,
  storageKeyOf,
} from './domain/evidence.rules.js';
import { type SpooledUpload, spoolUpload } from './evidence-intake.js';
import type { EvidenceFile, EvidenceView } from './evidence-file.entity.js';
import {
  EvidenceContentRefusedError,
  EvidenceSupersedeRefusedError,
  EvidenceTooLargeError,
} from './evidence.errors.js';
import { EvidenceRepository } from './evidence.repository.js';
import { EvidenceStorage } from './storage/evidence-storage.js';

/** An upload as the HTTP edge hands it over: the declared name and type, and the bytes. */
export interface IncomingFile {
  originalname: string;
  mimetype: string;
  stream: Readable;
}

export interface EvidenceMeta {
  kind: EvidenceKind;
  description?: string;
}

export interface Attached {
  file: EvidenceView;
  /** The same bytes were already current evidence of the subject: nothing new was stored. */
  replayed: boolean;
}

/** A content upload that passed every check, waiting to be stored. */
interface Accepted {
  spooled: SpooledUpload;
  contentType: string;
  fileName: string;
}

/**
 * Evidence files: checked on intake (size, type by content), stored by their SHA-256, recorded
 * against their subject, never deleted. A file is replaced only by superseding it.
 */
@Injectable()
export class EvidenceService {
  constructor(
    private readonly files: EvidenceRepository,
    private readonly storage: EvidenceStorage,
    private readonly scopes: ScopeRegistry,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** Attaches an uploaded file to a visit, a dialogue session, a consent move, a complaint or an enforcement record. */
  async attach(
    subject: { type: EvidenceSubject; id: string },
    meta: EvidenceMeta,
    upload: IncomingFile | undefined,
    actor: Actor,
  ): Promise<Attached> {
    const location = await this.subjectLocation(subject);
    const accepted = await this.accept(upload);
    try {
      const copy = await this.files.findCurrentCopy(subject.type, subject.id, accepted.spooled.sha256);
      if (copy) return { file: copy, replayed: true };
      await this.store(accepted);
      const file = await this.files.insert(
        this.row(accepted, { ...location, subjectType: subject.type, subjectId: subject.id }, meta, actor, null),
      );
      return { file: { ...file, supersededById: null }, replayed: false };
    } finally {
      await accepted.spooled.discard();
    }
  }

  /** A better copy of a file: a new file of the same subject; the old one stays, marked superseded. */
  async supersede(
    id: string,
    input: Partial<EvidenceMeta> & { reason: string },
    upload: IncomingFile | undefined,
    actor: Actor,
  ): Promise<EvidenceView> {
    const previous = await this.get(id);
    this.refuseSupersedeOf(previous);
    const accepted = await this.accept(upload);
    try {
      await this.store(accepted);
      const file = await mapUniqueViolations(
        () =>
          this.tx.run(async () => {
            await this.files.lock(id);
            this.refuseSupersedeOf(await this.get(id));
            return this.files.insert(
              this.row(
                accepted,
                previous,
                {
                  kind: input.kind ?? previous.kind,
                  description: input.description ?? previous.description ?? undefined,
                },
                actor,
                { id, reason: input.reason },
              ),
            );
          }),
        { evidence_files_supersedes_id_key: () => this.alreadySuperseded() },
      );
      return { ...file, supersededById: null };
    } finally {
      await accepted.spooled.discard();
    }
  }

  async get(id: string): Promise<EvidenceView> {
    const file = await this.files.findById(id);
    if (!file) throw new NotFoundError('Evidence', id);
    return file;
  }

  /** Files by id (missing ones are left out), for records that point at evidence. */
  findByIds(ids: readonly string[]): Promise<EvidenceView[]> {
    return this.files.findByIds([...new Set(ids)]);
  }

  async listForSubject(
    subject: { type: EvidenceSubject; id: string },
    includeSuperseded: boolean,
  ): Promise<EvidenceView[]> {
    return this.files.listForSubject(subject.type, subject.id, includeSuperseded);
  }

  /** Every file about a household, whatever it is evidence of. */
  listForHousehold(householdId: string, includeSuperseded: boolean): Promise<EvidenceView[]> {
    return this.files.listForHousehold(householdId, includeSuperseded);
  }

  /** A stream of a file's bytes (the file as `get` read it). */
  open(file: Pick<EvidenceView, 'storageKey'>): Promise<Readable> {
    return this.storage.open(file.storageKey);
  }

  /** Where a file lies, for `@InScope('evidence')`: its subject's project, or its unit. */
  @ResolvesScope('evidence')
  async locate(id: string): Promise<RecordLocation | null> {
    const found = await this.files.locationOf(id);
    if (!found) return null;
    return found.projectId
      ? { projectIds: [found.projectId] }
      : { administrativeUnitId: found.administrativeUnitId as string };
  }

  private async subjectLocation(subject: {
    type: EvidenceSubject;
    id: string;
  }): Promise<Pick<EvidenceFile, 'projectId' | 'administrativeUnitId' | 'householdId'>> {
    const location = await this.scopes.locate(subject.type, subject.id);
    if (location && 'administrativeUnitId' in location) {
      return { projectId: null, administrativeUnitId: location.administrativeUnitId, householdId: null };
    }
    if (!location || location.projectIds.length !== 1) {
      throw new NotFoundError(subject.type.charAt(0).toUpperCase() + subject.type.slice(1), subject.id);
    }
    return { projectId: location.projectIds[0], administrativeUnitId: null, householdId: location.householdId ?? null };
  }

  /** Reads the upload to its end and checks it; nothing is stored unless it passes. */
  private async accept(upload: IncomingFile | undefined): Promise<Accepted> {
    if (!upload) {
      throw new InputValidationError({
        file: ['Send the file as the multipart/form-data field "file", after the text fields'],
      });
    }
    let spooled: SpooledUpload;
    try {
      spooled = await spoolUpload(upload.stream);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw new EvidenceTooLargeError(this.config.evidence.maxBytes);
      throw error;
    }
    const sniffed = (await fileTypeFromBuffer(spooled.head))?.mime ?? null;
    const refusal = refuseContent({ declared: upload.mimetype, sniffed, size: spooled.size });
    if (refusal || !sniffed) {
      await spooled.discard();
      throw new EvidenceContentRefusedError(refusal ?? { code: 'EVIDENCE_TYPE_REFUSED', message: 'Unknown type' });
    }
    return { spooled, contentType: sniffed, fileName: cleanFileName(upload.originalname, sniffed) };
  }

  private store({ spooled, contentType }: Accepted): Promise<void> {
    return this.storage.put(storageKeyOf(spooled.sha256), () => createReadStream(spooled.path), {
      size: spooled.size,
      contentType,
      sha256: spooled.sha256,
    });
  }

  private row(
    { spooled, contentType, fileName }: Accepted,
    subject: Pick<EvidenceFile, 'projectId' | 'administrativeUnitId' | 'householdId' | 'subjectType' | 'subjectId'>,
    meta: EvidenceMeta,
    actor: Actor,
    supersedes: { id: string; reason: string } | null,
  ): Omit<EvidenceFile, 'id' | 'seq'> {
    return {
      projectId: subject.projectId,
      administrativeUnitId: subject.administrativeUnitId,
      householdId: subject.householdId,
      subjectType: subject.subjectType,
      subjectId: subject.subjectId,
      kind: meta.kind,
      description: meta.description ?? null,
      fileName,
      contentType,
      sizeBytes: spooled.size,
      sha256: spooled.sha256,
      storageKey: storageKeyOf(spooled.sha256),
      supersedesId: supersedes?.id ?? null,
      supersedeReason: supersedes?.reason ?? null,
      uploadedBy: actor.name,
      uploadedById: actor.type === 'user' ? actor.id : null,
      uploadedAt: this.clock.now(),
    };
  }

  private refuseSupersedeOf(file: EvidenceView): void {
    const refusal = refuseSupersede(file);
    if (refusal) throw new EvidenceSupersedeRefusedError(refusal, file.supersededById);
  }

  /** Another upload superseded the file in the same instant (the unique supersedes_id refused this one). */
  private alreadySuperseded(): Error {
    return new EvidenceSupersedeRefusedError(ALREADY_SUPERSEDED, null);
  }
}
