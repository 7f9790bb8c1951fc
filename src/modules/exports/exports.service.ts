import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Clock } from '../../common/clock/clock.js';
import { MAX_PAGE_SIZE } from '../../common/http/pagination.js';
import { type Cell, type SheetFormat, sheetStream } from '../../common/sheets/sheet-writer.js';
import { toLocalDateTime } from '../../common/time/civil-date.js';
import {
  CONSENT_CONDITION_LABELS,
  CONSENT_STATUS_LABELS,
  EXPORT_COLUMNS,
} from '../households/domain/household-sheet.js';
import { HouseholdsService } from '../households/households.service.js';
import { ProjectsService } from '../projects/projects.service.js';
import type { VisitOutcome } from '../visits/visit.entity.js';
import { VisitsService } from '../visits/visits.service.js';
import { WorkingGroupsService } from '../working-groups/working-groups.service.js';
import type { ExportHouseholdsQuery, ExportVisitsQuery } from './dto/export.query.js';

const OUTCOME_LABELS: Readonly<Record<VisitOutcome, string>> = {
  absent: 'Vắng nhà',
  listened: 'Lắng nghe',
  hesitant: 'Còn băn khoăn',
  refused: 'Từ chối',
  conditional: 'Đồng ý có điều kiện',
  agreed: 'Đồng ý',
};

export const VISIT_COLUMNS = ['Thời gian', 'Mã hộ', 'Chủ hộ', 'Cán bộ', 'Kết quả', 'Ghi chú', 'Hẹn thăm lại'] as const;

export interface ExportFile {
  fileName: string;
  format: SheetFormat;
  body: Readable;
}

/**
 * Households (one row per parcel, the import template's columns first, so an export re-imports as
 * it is) and the visit log, as CSV or XLSX, streamed page by page under the list routes' filters.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly projects: ProjectsService,
    private readonly households: HouseholdsService,
    private readonly visits: VisitsService,
    private readonly groups: WorkingGroupsService,
    private readonly clock: Clock,
  ) {}

  async householdSheet(projectId: string, query: ExportHouseholdsQuery): Promise<ExportFile> {
    const { project } = await this.projects.get(projectId);
    const format = query.format ?? 'xlsx';
    return {
      format,
      fileName: `ho-dan-${project.code}-${this.clock.today()}.${format}`,
      body: sheetStream(format, {
        name: 'Hộ dân',
        header: EXPORT_COLUMNS.map((column) => column.header),
        rows: this.householdRows(projectId, query),
      }),
    };
  }

  async visitLog(projectId: string, query: ExportVisitsQuery): Promise<ExportFile> {
    const { project } = await this.projects.get(projectId);
    const format = query.format ?? 'xlsx';
    return {
      format,
      fileName: `nhat-ky-tiep-xuc-${project.code}-${this.clock.today()}.${format}`,
      body: sheetStream(format, {
        name: 'Nhật ký tiếp xúc',
        header: VISIT_COLUMNS,
        rows: this.visitRows(projectId, query),
      }),
    };
  }

  private async *householdRows(projectId: string, query: ExportHouseholdsQuery): AsyncGenerator<Cell[]> {
    const { format: _format, ...filters } = query;
    let cursor: string | undefined;
    do {
      const page = await this.households.list(projectId, {
        ...filters,
        limit: MAX_PAGE_SIZE,
        offset: 0,
        cursor,
      });
      const ids = page.rows.map((h) => h.id);
      const [parcels, groups] = await Promise.all([
        this.households.parcelsOfMany(ids),
        this.groups.currentGroupNames(ids),
      ]);
      for (const h of page.rows) {
        const household: Cell[] = [
          h.code,
          h.headName,
          h.address,
          h.phone,
          h.memberCount,
          h.needsResettlement,
          h.vulnerable,
        ];
        const summary: Cell[] = [
          CONSENT_STATUS_LABELS[h.status],
          h.consentCondition ? CONSENT_CONDITION_LABELS[h.consentCondition] : null,
          h.landAreaM2,
          h.lastContactAt ? this.local(h.lastContactAt) : null,
          h.nextFollowUpOn,
          groups.get(h.id) ?? null,
        ];
        const own = parcels.get(h.id) ?? [];
        if (own.length === 0) yield [...household, null, null, null, null, ...summary];
        for (const p of own) yield [...household, p.mapSheet, p.parcelNumber, p.areaM2, p.landUse, ...summary];
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  private async *visitRows(projectId: string, query: ExportVisitsQuery): AsyncGenerator<Cell[]> {
    const filter = {
      officerIds: query.officerId ? [query.officerId] : undefined,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
    };
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const [visits, total] = await this.visits.listInProject(projectId, { ...filter, limit: MAX_PAGE_SIZE, offset });
      const households = new Map(
        (await this.households.summaries([...new Set(visits.map((v) => v.householdId))])).map((h) => [h.id, h]),
      );
      for (const v of visits) {
        const household = households.get(v.householdId);
        yield [
          this.local(v.visitedAt),
          household?.code ?? null,
          household?.headName ?? null,
          v.officers.join(', '),
          OUTCOME_LABELS[v.outcome],
          v.notes,
          v.nextFollowUpOn,
        ];
      }
      if (visits.length === 0 || offset + visits.length >= total) return;
    }
  }

  private local(instant: Date): string {
    const { date, time } = toLocalDateTime(instant, this.clock.timeZone);
    return `${date} ${time}`;
  }
}
