import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { ErrorResponse } from '../../common/errors/error-response.js';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { ETAG_HEADER, ApiIfMatch, ExpectedVersion } from '../../common/http/versioning.js';
import { Requires } from '../access/access.decorators.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { ListUsersQuery } from './dto/list-users.query.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserPageResponse, UserResponse } from './dto/user.response.js';
import { UsersService, type UserWithUnits } from './users.service.js';

const toResponse = ({ user, administrativeUnitIds }: UserWithUnits) => UserResponse.from(user, administrativeUnitIds);

@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorResponse, description: 'No valid credentials' })
@ApiForbiddenResponse({ type: ErrorResponse, description: 'Only admins manage accounts' })
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Requires('users:manage')
  @ApiOperation({ summary: 'Create an account' })
  @ApiCreatedResponse({ type: UserResponse })
  @ApiErrorResponses(400, 409)
  async create(@Body() body: CreateUserDto): Promise<UserResponse> {
    return toResponse(await this.users.create(body));
  }

  @Get()
  @Requires('users:manage')
  @ApiOperation({ summary: 'List accounts' })
  @ApiOkResponse({ type: UserPageResponse })
  @ApiErrorResponses(400)
  async list(@Query() query: ListUsersQuery): Promise<UserPageResponse> {
    const [users, total] = await this.users.list(query);
    return pageOf(users, total, query, toResponse);
  }

  @Get(':id')
  @Requires('users:manage')
  @ApiOperation({ summary: 'One user account, with its administrative units' })
  @ApiOkResponse({
    type: UserResponse,
    headers: ETAG_HEADER,
  })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<UserResponse> {
    const found = await this.users.get(id);
    return toResponse(found);
  }

  @Patch(':id')
  @Requires('users:manage')
  @ApiOperation({
    summary: 'Change an account: name, role, units, deactivate/reactivate, reset the password',
    description: 'Refused with 412/409 when based on a stale version, 422 when it would leave no active admin',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: UserResponse })
  @ApiErrorResponses(400, 404, 409, 412, 422)
  async update(
    @Param('id', ParseId) id: string,
    @Body() body: UpdateUserDto,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<UserResponse> {
    const updated = await this.users.update(id, body, expected);
    return toResponse(updated);
  }
}
