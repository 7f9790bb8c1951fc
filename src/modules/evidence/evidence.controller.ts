import {
  applyDecorators,
  Body,
  Controller,
  Get,
  Headers,
  Param,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileStreamInterceptor, type MultipartFileStream } from '@nestjs/platform-fastify/multipart';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import contentDisposition from 'content-disposition';
import type { FastifyReply } from 'fastify';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { IDEMPOTENT_REPLAY_HEADER } from '../../common/http/idempotency.js';
import { ParseId, ParseSerialId } from '../../common/http/params.js';
import { withHeaders } from '../../common/http/response-meta.interceptor.js';
import type { Actor } from '../../common/request-context.js';
import { CurrentActor, InScope, Requires } from '../access/access.decorators.js';
import type { EvidenceSubject } from './domain/evidence.rules.js';
import { ListEvidenceQuery, SupersedeEvidenceDto, UploadEvidenceDto } from './dto/evidence.dto.js';
import { EvidenceFileListResponse, EvidenceFileResponse } from './dto/evidence.response.js';
import { type Attached, EvidenceService } from './evidence.service.js';

const UPLOAD_NOTE =
  'multipart/form-data: the text fields first, then the file in the field `file` (one file). Its type is read ' +
  'off its content and must be JPEG, PNG, WebP, HEIC or PDF, matching the type it is sent as; over the size ' +
  'limit it is refused with 413, of another type with 415, and nothing is stored. The same bytes sent again for ' +
  'the same record answer the file already there (header Idempotent-Replayed: true).';

/** The multipart intake of one file: fields before it, at most one file, UTF-8 file names. */
const FileUpload = (body: typeof UploadEvidenceDto | typeof SupersedeEvidenceDto) =>
  applyDecorators(
    UseInterceptors(
      FileStreamInterceptor('file', { limits: { files: 1, fields: 8, fieldSize: 8 * 1024 }, defParamCharset: 'utf8' }),
    ),
    ApiConsumes('multipart/form-data'),
    ApiBody({ type: body }),
  );

/** Attach a file to one kind of record (the record's scope is checked before the upload is read). */
const Attach = (path: string, kind: EvidenceSubject, what: string, idFormat: 'uuid' | 'serial' = 'uuid') =>
  applyDecorators(
    Post(path),
    Requires('evidence:write'),
    InScope(kind, 'id', idFormat),
    FileUpload(UploadEvidenceDto),
    ApiOperation({ summary: `Attach an evidence file to ${what}`, description: UPLOAD_NOTE }),
    ApiCreatedResponse({ type: EvidenceFileResponse }),
    ApiErrorResponses(400, 404, 413, 415),
  );

const List = (path: string, kind: string, what: string, idFormat: 'uuid' | 'serial' = 'uuid') =>
  applyDecorators(
    Get(path),
    Requires('evidence:read'),
    InScope(kind, 'id', idFormat),
    ApiOperation({ summary: `The evidence files of ${what}, oldest first (current copies unless asked)` }),
    ApiOkResponse({ type: EvidenceFileListResponse }),
    ApiErrorResponses(400, 404),
  );

function respond({ file, replayed }: Attached): EvidenceFileResponse {
  const response = EvidenceFileResponse.from(file);
  return replayed ? withHeaders(response, { [IDEMPOTENT_REPLAY_HEADER]: 'true' }) : response;
}

@ApiTags('evidence')
@Controller()
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Attach('visits/:id/evidence', 'visit', 'a home visit (signed minutes, a photo of the meeting)')
  async attachToVisit(
    @Param('id', ParseId) id: string,
    @Body() body: UploadEvidenceDto,
    @UploadedFile() file: MultipartFileStream | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EvidenceFileResponse> {
    return respond(await this.evidence.attach({ type: 'visit', id }, body, file, actor));
  }

  @Attach('dialogue-sessions/:id/evidence', 'dialogueSession', 'a dialogue session (its minutes)')
  async attachToDialogue(
    @Param('id', ParseId) id: string,
    @Body() body: UploadEvidenceDto,
    @UploadedFile() file: MultipartFileStream | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EvidenceFileResponse> {
    return respond(await this.evidence.attach({ type: 'dialogueSession', id }, body, file, actor));
  }

  @Attach('consent-moves/:id/evidence', 'consentMove', 'a consent move (the written commitment)', 'serial')
  async attachToConsentMove(
    @Param('id', ParseSerialId) id: string,
    @Body() body: UploadEvidenceDto,
    @UploadedFile() file: MultipartFileStream | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EvidenceFileResponse> {
    return respond(await this.evidence.attach({ type: 'consentMove', id }, body, file, actor));
  }

  @Attach('complaints/:id/evidence', 'complaint', 'a complaint (the letter, the reply)')
  async attachToComplaint(
    @Param('id', ParseId) id: string,
    @Body() body: UploadEvidenceDto,
    @UploadedFile() file: MultipartFileStream | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EvidenceFileResponse> {
    return respond(await this.evidence.attach({ type: 'complaint', id }, body, file, actor));
  }

  @Attach('enforcement/:id/evidence', 'enforcementRecord', 'an enforcement record (a posted or delivered notice)')
  async attachToEnforcement(
    @Param('id', ParseId) id: string,
    @Body() body: UploadEvidenceDto,
    @UploadedFile() file: MultipartFileStream | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EvidenceFileResponse> {
    return respond(await this.evidence.attach({ type: 'enforcementRecord', id }, body, file, actor));
  }

  @Attach('commitments/:id/evidence', 'commitment', 'a hard-task commitment (a progress report, a site photo)')
  async attachToCommitment(
    @Param('id', ParseId) id: string,
    @Body() body: UploadEvidenceDto,
    @UploadedFile() file: MultipartFileStream | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EvidenceFileResponse> {
    return respond(await this.evidence.attach({ type: 'commitment', id }, body, file, actor));
  }

  @List('visits/:id/evidence', 'visit', 'a home visit')
  listForVisit(@Param('id', ParseId) id: string, @Query() query: ListEvidenceQuery): Promise<EvidenceFileListResponse> {
    return this.list('visit', id, query);
  }

  @List('dialogue-sessions/:id/evidence', 'dialogueSession', 'a dialogue session')
  listForDialogue(
    @Param('id', ParseId) id: string,
    @Query() query: ListEvidenceQuery,
  ): Promise<EvidenceFileListResponse> {
    return this.list('dialogueSession', id, query);
  }

  @List('consent-moves/:id/evidence', 'consentMove', 'a consent move', 'serial')
  listForConsentMove(
    @Param('id', ParseSerialId) id: string,
    @Query() query: ListEvidenceQuery,
  ): Promise<EvidenceFileListResponse> {
    return this.list('consentMove', id, query);
  }

  @List('complaints/:id/evidence', 'complaint', 'a complaint')
  listForComplaint(
    @Param('id', ParseId) id: string,
    @Query() query: ListEvidenceQuery,
  ): Promise<EvidenceFileListResponse> {
    return this.list('complaint', id, query);
  }

  @List('enforcement/:id/evidence', 'enforcementRecord', 'an enforcement record')
  listForEnforcement(
    @Param('id', ParseId) id: string,
    @Query() query: ListEvidenceQuery,
  ): Promise<EvidenceFileListResponse> {
    return this.list('enforcementRecord', id, query);
  }

  @List('commitments/:id/evidence', 'commitment', 'a hard-task commitment')
  listForCommitment(
    @Param('id', ParseId) id: string,
    @Query() query: ListEvidenceQuery,
  ): Promise<EvidenceFileListResponse> {
    return this.list('commitment', id, query);
  }

  @List('households/:id/evidence', 'household', 'a household: of its visits, consent moves, complaints and enforcement')
  async listForHousehold(
    @Param('id', ParseId) id: string,
    @Query() query: ListEvidenceQuery,
  ): Promise<EvidenceFileListResponse> {
    const files = await this.evidence.listForHousehold(id, query.includeSuperseded ?? false);
    return { items: files.map((file) => EvidenceFileResponse.from(file)) };
  }

  @Get('evidence/:id')
  @Requires('evidence:read')
  @InScope('evidence')
  @ApiOperation({ summary: 'An evidence file: what it is, its SHA-256, and what superseded it' })
  @ApiOkResponse({ type: EvidenceFileResponse })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<EvidenceFileResponse> {
    return EvidenceFileResponse.from(await this.evidence.get(id));
  }

  @Get('evidence/:id/content')
  @Requires('evidence:read')
  @InScope('evidence')
  @ApiOperation({
    summary: 'The bytes of an evidence file, streamed',
    description:
      'With its Content-Type, Content-Length, Content-Disposition (the original name, UTF-8) and an ETag of its ' +
      'SHA-256; If-None-Match with that ETag answers 304. Superseded files stay readable.',
  })
  @ApiOkResponse({
    description: 'The file',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiErrorResponses(400, 404)
  async content(
    @Param('id', ParseId) id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const file = await this.evidence.get(id);
    const etag = `"${file.sha256}"`;
    // The content of an id never changes: the caller's own cache may keep it.
    void reply.header('etag', etag).header('cache-control', 'private, max-age=86400');
    if (ifNoneMatch?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
      void reply.status(304);
      return undefined;
    }
    return new StreamableFile(await this.evidence.open(file), {
      type: file.contentType,
      length: file.sizeBytes,
      disposition: contentDisposition(file.fileName, { type: 'inline' }),
    });
  }

  @Post('evidence/:id/supersede')
  @Requires('evidence:write')
  @InScope('evidence')
  @FileUpload(SupersedeEvidenceDto)
  @ApiOperation({
    summary: 'Upload a better copy of an evidence file; the old one is kept, marked superseded',
    description: `${UPLOAD_NOTE} A file is superseded at most once: supersede its newest copy (409 otherwise).`,
  })
  @ApiCreatedResponse({ type: EvidenceFileResponse })
  @ApiErrorResponses(400, 404, 409, 413, 415)
  async supersede(
    @Param('id', ParseId) id: string,
    @Body() body: SupersedeEvidenceDto,
    @UploadedFile() file: MultipartFileStream | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<EvidenceFileResponse> {
    return EvidenceFileResponse.from(await this.evidence.supersede(id, body, file, actor));
  }

  private async list(type: EvidenceSubject, id: string, query: ListEvidenceQuery): Promise<EvidenceFileListResponse> {
    const files = await this.evidence.listForSubject({ type, id }, query.includeSuperseded ?? false);
    return { items: files.map((file) => EvidenceFileResponse.from(file)) };
  }
}
