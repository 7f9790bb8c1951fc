import {
  Body,
  Controller,
  Get,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileStreamInterceptor, type MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import {
  ApiAcceptedResponse,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import contentDisposition from 'content-disposition';
import type { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { PageQueryDto } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { SHEET_CONTENT_TYPES, sheetStream } from '../../common/sheets/sheet-writer.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, InScope, Requires } from '../access/access.decorators.js';
import { IMPORT_COLUMNS } from '../households/domain/household-sheet.js';
import { ProjectsService } from '../projects/projects.service.js';
import { ImportPageResponse, ImportResponse, StartImportDto, TemplateQuery } from './dto/import.dto.js';
import { INLINE_ROWS, ImportsService, MAX_IMPORT_BYTES } from './imports.service.js';

const SHEET = { schema: { type: 'string', format: 'binary' } } as const;

@ApiTags('import and export')
@Controller()
export class ImportsController {
  constructor(
    private readonly imports: ImportsService,
    private readonly projects: ProjectsService,
  ) {}

  @Get('projects/:id/imports/template')
  @Requires('households:read')
  @InScope('project')
  @ApiOperation({ summary: 'The import template of a project: the header row of the household sheet' })
  @ApiProduces('text/csv', SHEET_CONTENT_TYPES.xlsx)
  @ApiOkResponse({ description: 'The template', content: { 'text/csv': SHEET, [SHEET_CONTENT_TYPES.xlsx]: SHEET } })
  @ApiErrorResponses(400, 404)
  async template(@Param('id', ParseId) id: string, @Query() query: TemplateQuery): Promise<StreamableFile> {
    const { project } = await this.projects.get(id);
    const format = query.format ?? 'xlsx';
    const body = sheetStream(format, {
      name: 'Hộ dân',
      header: IMPORT_COLUMNS.map((c) => c.header),
      rows: (async function* () {})(),
    });
    return new StreamableFile(body, {
      type: SHEET_CONTENT_TYPES[format],
      disposition: contentDisposition(`mau-nhap-ho-dan-${project.code}.${format}`),
    });
  }

  @Post('projects/:id/imports')
  @Requires('households:write')
  @InScope('project')
  @UseInterceptors(
    FileStreamInterceptor('file', {
      limits: { files: 1, fields: 4, fieldSize: 1024, fileSize: MAX_IMPORT_BYTES },
      defParamCharset: 'utf8',
    }),
  )
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: StartImportDto })
  @ApiOperation({
    summary: 'Import households with their parcels from CSV or XLSX: a dry run, or a commit of all rows or none',
    description:
      'One row per parcel (see the template); the household code is the key: existing households are ' +
      'updated (changes audited), never duplicated, and the same file imported again changes nothing. ' +
      `Up to ${INLINE_ROWS} rows run within the request (201); a larger file runs as a job (202): follow ` +
      'GET /imports/:id. Errors come by row and column.',
  })
  @ApiCreatedResponse({ type: ImportResponse })
  @ApiAcceptedResponse({ type: ImportResponse, description: 'Queued: a job runs it' })
  @ApiErrorResponses(400, 404, 413)
  async start(
    @Param('id', ParseId) id: string,
    @Body() body: StartImportDto,
    @UploadedFile() file: MultipartFileStream | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResponse> {
    const record = await this.imports.start(id, body.mode, file, actor);
    if (record.status === 'queued' || record.status === 'running') void reply.status(202);
    return ImportResponse.from(record);
  }

  @Get('projects/:id/imports')
  @Requires('households:read')
  @InScope('project')
  @ApiOperation({ summary: "A project's imports, latest first" })
  @ApiOkResponse({ type: ImportPageResponse })
  @ApiErrorResponses(400, 404)
  async list(@Param('id', ParseId) id: string, @Query() query: PageQueryDto): Promise<ImportPageResponse> {
    const [items, total] = await this.imports.listForProject(id, query.limit, query.offset);
    return { items: items.map((item) => ImportResponse.from(item)), total, limit: query.limit, offset: query.offset };
  }

  @Get('imports/:id')
  @Requires('households:read')
  @InScope('import')
  @ApiOperation({ summary: 'An import: its status, progress, counts and errors by row and column' })
  @ApiOkResponse({ type: ImportResponse })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<ImportResponse> {
    return ImportResponse.from(await this.imports.get(id));
  }
}
