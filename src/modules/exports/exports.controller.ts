import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import contentDisposition from 'content-disposition';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { ParseId } from '../../common/http/params.js';
import { SHEET_CONTENT_TYPES } from '../../common/sheets/sheet-writer.js';
import { InScope, Requires } from '../access/access.decorators.js';
import { ExportHouseholdsQuery, ExportVisitsQuery } from './dto/export.query.js';
import { type ExportFile, ExportsService } from './exports.service.js';

const SHEET = { schema: { type: 'string', format: 'binary' } } as const;
const SHEET_CONTENT = { 'text/csv': SHEET, [SHEET_CONTENT_TYPES.xlsx]: SHEET };

function download(file: ExportFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: SHEET_CONTENT_TYPES[file.format],
    disposition: contentDisposition(file.fileName),
  });
}

@ApiTags('import and export')
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('projects/:id/households/export')
  @Requires('households:read')
  @InScope('project')
  @ApiOperation({
    summary: "A project's households as CSV or XLSX, streamed, filtered like the household list",
    description:
      'One row per land parcel, the import template’s columns first (an export re-imports as it is), then ' +
      'status, condition, total area, last contact, next follow-up and working group. CSV is UTF-8 with a BOM.',
  })
  @ApiProduces('text/csv', SHEET_CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The sheet', content: SHEET_CONTENT })
  @ApiErrorResponses(400, 404)
  async households(@Param('id', ParseId) id: string, @Query() query: ExportHouseholdsQuery): Promise<StreamableFile> {
    return download(await this.exports.householdSheet(id, query));
  }

  @Get('projects/:id/visits/export')
  @Requires('visits:read')
  @InScope('project')
  @ApiOperation({ summary: "A project's visit log as CSV or XLSX, streamed, filtered like the visit list" })
  @ApiProduces('text/csv', SHEET_CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The sheet', content: SHEET_CONTENT })
  @ApiErrorResponses(400, 404)
  async visits(@Param('id', ParseId) id: string, @Query() query: ExportVisitsQuery): Promise<StreamableFile> {
    return download(await this.exports.visitLog(id, query));
  }
}
