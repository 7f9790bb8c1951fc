import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ForbiddenError } from '../../common/errors/domain-error.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { pageOf, PageQueryDto } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { CurrentPrincipal, Requires } from '../access/access.decorators.js';
import type { Principal } from '../access/principal.js';
import { ApiKeysService } from './api-keys.service.js';
import { ApiKeyPageResponse, ApiKeyResponse, CreatedApiKeyResponse } from './dto/api-key.response.js';
import { CreateApiKeyDto } from './dto/create-api-key.dto.js';

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @Requires('api-keys:manage')
  @ApiOperation({ summary: 'Issue a key for an API client; the response is the only time the key is shown' })
  @ApiCreatedResponse({ type: CreatedApiKeyResponse })
  @ApiErrorResponses(400)
  async create(
    @Body() body: CreateApiKeyDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CreatedApiKeyResponse> {
    // Keys are issued by a person who can be held to account, never by another key.
    if (principal.type !== 'user') throw new ForbiddenError('api-keys:manage');
    return CreatedApiKeyResponse.fromCreated(await this.apiKeys.create(body, principal.id));
  }

  @Get()
  @Requires('api-keys:manage')
  @ApiOperation({ summary: 'List keys, newest first (revoked ones included)' })
  @ApiOkResponse({ type: ApiKeyPageResponse })
  @ApiErrorResponses(400)
  async list(@Query() query: PageQueryDto): Promise<ApiKeyPageResponse> {
    const [keys, total] = await this.apiKeys.list(query);
    return pageOf(keys, total, query, ApiKeyResponse.from);
  }

  @Get(':id')
  @Requires('api-keys:manage')
  @ApiOperation({ summary: 'One API key (never its secret)' })
  @ApiOkResponse({ type: ApiKeyResponse })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<ApiKeyResponse> {
    return ApiKeyResponse.from(await this.apiKeys.get(id));
  }

  @Delete(':id')
  @Requires('api-keys:manage')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Revoke a key at once; it stays listed. Revoking again changes nothing.' })
  @ApiNoContentResponse()
  @ApiErrorResponses(400, 404)
  async revoke(@Param('id', ParseId) id: string): Promise<void> {
    await this.apiKeys.revoke(id);
  }
}
