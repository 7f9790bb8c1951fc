import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import contentDisposition from 'content-disposition';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { ParseId } from '../../common/http/params.js';
import { IsCivilDate } from '../../common/http/validators.js';
import { SHEET_CONTENT_TYPES } from '../../common/sheets/sheet-writer.js';
import { InScope, Requires } from '../access/access.decorators.js';
import { DEFAULT_SINCE_DAYS, type MeetingReport } from './domain/meeting-report.js';
import { MeetingReportsService } from './meeting-reports.service.js';

const FORMATS = ['pdf', 'xlsx'] as const;

export class ReportQuery {
  @ApiPropertyOptional({ enum: FORMATS, default: 'pdf' })
  @IsOptional()
  @IsIn(FORMATS)
  format?: (typeof FORMATS)[number];

  @ApiPropertyOptional({
    format: 'date',
    description: `The last meeting: changes are counted from the end of that day (default: ${DEFAULT_SINCE_DAYS} days ago)`,
  })
  @IsOptional()
  @IsCivilDate()
  since?: string;
}

const FILE = { schema: { type: 'string', format: 'binary' } } as const;
const DESCRIPTION =
  'Consent by households and by area now and at `since`, the change, households by status, holdouts by ' +
  'reason and condition, overdue follow-ups, complaints within 7 days of their deadline or past it, dialogue ' +
  'sessions held since, and a chart of twelve months of consent (PDF, with the Vietnamese text embedded in ' +
  'DejaVu Sans) or their data (XLSX, a sheet per part).';

async function file(report: MeetingReport, format: 'pdf' | 'xlsx', name: string): Promise<StreamableFile> {
  const fileName = `${name}-${report.today}.${format}`;
  // The renderers (pdfkit and its fonts, exceljs) are loaded when a report is asked for.
  if (format === 'xlsx') {
    const { meetingReportXlsx } = await import('./report-xlsx.js');
    return new StreamableFile(await meetingReportXlsx(report), {
      type: SHEET_CONTENT_TYPES.xlsx,
      disposition: contentDisposition(fileName),
    });
  }
  const { meetingReportPdf } = await import('./report-pdf.js');
  return new StreamableFile(meetingReportPdf(report), {
    type: 'application/pdf',
    disposition: contentDisposition(fileName),
  });
}

@ApiTags('reports')
@Controller()
export class ReportsController {
  constructor(private readonly reports: MeetingReportsService) {}

  @Get('projects/:id/report')
  @Requires('stats:read')
  @InScope('project')
  @ApiOperation({ summary: 'The meeting report of a project, as PDF or XLSX', description: DESCRIPTION })
  @ApiProduces('application/pdf', SHEET_CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The report', content: { 'application/pdf': FILE, [SHEET_CONTENT_TYPES.xlsx]: FILE } })
  @ApiErrorResponses(400, 404)
  async project(@Param('id', ParseId) id: string, @Query() query: ReportQuery): Promise<StreamableFile> {
    const report = await this.reports.forProject(id, query.since);
    return file(report, query.format ?? 'pdf', `bao-cao-${report.projects[0]?.project.code ?? id}`);
  }

  @Get('administrative-units/:id/report')
  @Requires('stats:read')
  @InScope('administrativeUnit')
  @ApiOperation({
    summary: 'The meeting report of a ward: each of its projects, as PDF or XLSX',
    description: DESCRIPTION,
  })
  @ApiProduces('application/pdf', SHEET_CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The report', content: { 'application/pdf': FILE, [SHEET_CONTENT_TYPES.xlsx]: FILE } })
  @ApiErrorResponses(400, 404)
  async unit(@Param('id', ParseId) id: string, @Query() query: ReportQuery): Promise<StreamableFile> {
    return file(await this.reports.forUnit(id, query.since), query.format ?? 'pdf', 'bao-cao-phuong');
  }
}
