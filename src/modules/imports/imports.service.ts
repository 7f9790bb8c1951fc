import { Injectable, Logger, PayloadTooLargeException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Clock } from '../../common/clock/clock.js';
import { DomainError, InputValidationError, NotFoundError } from '../../common/errors/domain-error.js';
import type { Actor } from '../../common/request-context.js';
import { TransactionHost } from '../../database/transaction-host.js';
import { HandlesJob } from '../../jobs/job-handler.decorator.js';
import type { JobPayloads } from '../../jobs/job-names.js';
import { JobsService } from '../../jobs/jobs.service.js';
import { ResolvesScope } from '../access/scope-resolvers.js';
import type { RecordLocation } from '../access/scope.js';
import {
  columnsOfHeader,
  householdsOfRows,
  type ImportColumn,
  problemsOfFields,
  type SheetProblem,
  type SheetRow,
} from '../households/domain/household-sheet.js';
import { CreateHouseholdDto } from '../households/dto/create-household.dto.js';
import { HouseholdsBulkService } from '../households/households-bulk.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import { vietnameseFieldErrors } from './domain/import-messages.js';
import { planImport, type ValidHousehold } from './domain/import-plan.js';
import type { HouseholdImport, ImportMode } from './household-import.entity.js';
import { type ImportOutcome, ImportsRepository } from './imports.repository.js';
import { type ReadSheet, readSheet, UnreadableSheetError } from './sheet-reader.js';

/** Files up to this many data rows run within their request; larger ones as a job. */
export const INLINE_ROWS = 5_000;
/** The largest file accepted. */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
/** Errors kept on the import (the count says how many there were). */
const ERRORS_KEPT = 1_000;

export class ImportTooLargeError extends DomainError {
  constructor() {
    const message = `The file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB`;
    super('too_large', 'IMPORT_TOO_LARGE', message, { fields: { file: [message] } });
  }
}

/**
 * Imports of a district's household list (CSV in UTF-8, UTF-8 with BOM or Windows-1258, or XLSX):
 * every row checked and its errors answered by row and column; a commit applies every household or
 * none; codes are the key, so re-importing the same file changes nothing. Large files run as a job,
 * with progress on the import.
 */
@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    private readonly imports: ImportsRepository,
    private readonly bulk: HouseholdsBulkService,
    private readonly projects: ProjectsService,
    private readonly jobs: JobsService,
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /** Reads the upload and runs it at once, or queues it when it is large. */
  async start(
    projectId: string,
    mode: ImportMode,
    upload: { originalname: string; stream: Readable } | undefined,
    actor: Actor,
  ): Promise<HouseholdImport> {
    await this.projects.assertExists(projectId);
    if (!upload) {
      throw new InputValidationError({ file: ['Send the file as the multipart/form-data field "file", after "mode"'] });
    }
    const bytes = await readAll(upload.stream);
    let sheet: ReadSheet;
    try {
      sheet = await readSheet(bytes);
    } catch (error) {
      if (error instanceof UnreadableSheetError) throw new InputValidationError({ file: [error.message] });
      throw error;
    }
    const large = sheet.rows.length - 1 > INLINE_ROWS;
    const record = await this.tx.run(async () => {
      const inserted = await this.imports.insert({
        projectId,
        mode,
        status: large ? 'queued' : 'running',
        fileName: upload.originalname.slice(0, 255) || `import.${sheet.format}`,
        fileFormat: sheet.format,
        encoding: sheet.encoding,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        content: large ? bytes : null,
        rowsTotal: Math.max(0, sheet.rows.length - 1),
        createdBy: actor.name,
        createdById: actor.type === 'user' ? actor.id : null,
        startedAt: large ? null : this.clock.now(),
      });
      if (large) await this.jobs.enqueue('imports.run', { importId: inserted.id }, { key: inserted.id });
      return inserted;
    });
    if (!large) {
      try {
        await this.process(record, sheet, actor);
      } catch (error) {
        await this.imports.finish(
          record.id,
          { ...emptyOutcome(record), status: 'failed', failure: String(error) },
          this.clock.now(),
        );
        throw error;
      }
    }
    return this.get(record.id);
  }

  async get(id: string): Promise<HouseholdImport> {
    const record = await this.imports.findById(id);
    if (!record) throw new NotFoundError('Import', id);
    return record;
  }

  listForProject(projectId: string, limit: number, offset: number): Promise<[HouseholdImport[], number]> {
    return this.imports.listForProject(projectId, limit, offset);
  }

  /** Where an import lies, for `@InScope('import')`. */
  @ResolvesScope('import')
  async locate(id: string): Promise<RecordLocation | null> {
    const projectId = await this.imports.projectOf(id);
    return projectId ? { projectIds: [projectId] } : null;
  }

  /** A queued import, run by the worker; a re-delivered job finds it taken and does nothing. */
  @HandlesJob('imports.run')
  async runQueued({ importId }: JobPayloads['imports.run']): Promise<void> {
    if (!(await this.imports.claim(importId, this.clock.now()))) return;
    const record = await this.get(importId);
    const content = await this.imports.contentOf(importId);
    const actor: Actor = {
      type: record.createdById ? 'user' : 'system',
      id: record.createdById,
      name: record.createdBy,
    };
    try {
      await this.process(record, await readSheet(content ?? Buffer.alloc(0)), actor);
    } catch (error) {
      this.logger.error({ err: error, importId }, 'Import failed');
      await this.imports.finish(
        importId,
        { ...emptyOutcome(record), status: 'failed', failure: String(error) },
        this.clock.now(),
      );
    }
  }

  /** Checks every row, plans the changes, and applies them when committing without errors. */
  private async process(record: HouseholdImport, sheet: ReadSheet, actor: Actor): Promise<void> {
    const [header, ...data] = sheet.rows;
    const { columns, problems: headerProblems } = columnsOfHeader(header?.cells ?? []);
    const warnings = headerProblems.filter((p) => p.message.endsWith('bỏ qua'));
    const errors: SheetProblem[] = headerProblems.filter((p) => !warnings.includes(p));
    const rows: SheetRow[] = data.map(({ line, cells }) => ({
      row: line,
      cells: Object.fromEntries([...columns].map(([index, key]) => [key, cells[index] ?? ''])),
    }));
    const grouped = householdsOfRows(rows);
    errors.push(...grouped.problems);
    const valid: ValidHousehold[] = [];
    for (const household of grouped.households) {
      const dto = plainToInstance(CreateHouseholdDto, household.input);
      const failures = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (failures.length) {
        errors.push(...problemsOfFields(household, vietnameseFieldErrors(failures)));
        continue;
      }
      valid.push({
        sheet: household,
        fields: {
          code: dto.code,
          headName: dto.headName,
          address: dto.address ?? null,
          phone: dto.phone ?? null,
          memberCount: dto.memberCount ?? null,
          needsResettlement: dto.needsResettlement ?? false,
          vulnerable: dto.vulnerable ?? false,
        },
        parcels: (dto.parcels ?? []).map((p) => ({
          mapSheet: p.mapSheet,
          parcelNumber: p.parcelNumber,
          areaM2: p.areaM2,
          landUse: p.landUse ?? null,
        })),
      });
    }
    const present = new Set<ImportColumn>(columns.values());
    const existing = await this.bulk.findByCodes(
      record.projectId,
      valid.map((h) => h.fields.code),
    );
    const plan = planImport(valid, existing, present);
    errors.push(...plan.problems);
    errors.sort((a, b) => a.row - b.row);

    const outcome: ImportOutcome = {
      status: record.mode === 'dry_run' ? 'checked' : errors.length ? 'rejected' : 'committed',
      rowsTotal: data.length,
      householdsTotal: grouped.households.length,
      householdsDone: 0,
      createdCount: plan.creates.length,
      updatedCount: plan.updates.length,
      unchangedCount: plan.unchanged,
      errorCount: errors.length,
      errors: errors.slice(0, ERRORS_KEPT),
      warnings,
      failure: null,
    };
    if (outcome.status !== 'committed') {
      // A dry run or a rejected commit writes no household: the counts say what the file would do.
      await this.imports.finish(record.id, outcome, this.clock.now());
      return;
    }
    await this.imports.progress(record.id, { householdsTotal: outcome.householdsTotal, householdsDone: 0 });
    await this.tx.run(async () => {
      await this.bulk.apply(record.projectId, plan, actor, (done) =>
        this.tx.detached(() => this.imports.progress(record.id, { householdsDone: done })),
      );
      await this.imports.finish(record.id, { ...outcome, householdsDone: outcome.householdsTotal }, this.clock.now());
    });
  }
}

function emptyOutcome(record: HouseholdImport): ImportOutcome {
  return {
    status: record.status,
    rowsTotal: record.rowsTotal,
    householdsTotal: 0,
    householdsDone: 0,
    createdCount: 0,
    updatedCount: 0,
    unchangedCount: 0,
    errorCount: 0,
    errors: [],
    warnings: [],
    failure: null,
  };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(chunk as Buffer);
  } catch (error) {
    if (error instanceof PayloadTooLargeException) throw new ImportTooLargeError();
    throw error;
  }
  return Buffer.concat(chunks);
}
