import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { CurrentScope, Requires } from '../access/access.decorators.js';
import type { Scope } from '../access/scope.js';
import { AuditService } from './audit.service.js';
import { AuditEntryPageResponse, AuditEntryResponse } from './dto/audit-entry.response.js';
import { ListAuditQuery } from './dto/list-audit.query.js';

/** Read-only by design: no route changes or deletes the trail, and the database refuses it anyway. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Requires('audit:read')
  @ApiOperation({
    summary: 'The audit trail, newest first',
    description: "Outside an administrator's scope, only rows of projects in the caller's units are listed.",
  })
  @ApiOkResponse({ type: AuditEntryPageResponse })
  @ApiErrorResponses(400)
  async list(@Query() query: ListAuditQuery, @CurrentScope() scope: Scope): Promise<AuditEntryPageResponse> {
    const [entries, total] = await this.audit.list(query, scope);
    return pageOf(entries, total, query, AuditEntryResponse.from);
  }
}
