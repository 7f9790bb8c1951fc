import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { Requires } from '../access/access.decorators.js';
import { AdministrativeUnitsService } from './administrative-units.service.js';
import { AdministrativeUnitPageResponse, AdministrativeUnitResponse } from './dto/administrative-unit.response.js';
import { CreateAdministrativeUnitDto } from './dto/create-administrative-unit.dto.js';
import { ListAdministrativeUnitsQuery } from './dto/list-administrative-units.query.js';

@ApiTags('administrative units')
@Controller('administrative-units')
export class AdministrativeUnitsController {
  constructor(private readonly units: AdministrativeUnitsService) {}

  @Post()
  @Requires('units:write')
  @ApiOperation({ summary: 'Register a province, (historical) district, ward or commune' })
  @ApiCreatedResponse({ type: AdministrativeUnitResponse })
  @ApiErrorResponses(400, 409, 422)
  async create(@Body() body: CreateAdministrativeUnitDto): Promise<AdministrativeUnitResponse> {
    return AdministrativeUnitResponse.from(await this.units.create(body));
  }

  @Get()
  @Requires('units:read')
  @ApiOperation({ summary: 'List units: children of a unit, a level, those valid on a day' })
  @ApiOkResponse({ type: AdministrativeUnitPageResponse })
  @ApiErrorResponses(400)
  async list(@Query() query: ListAdministrativeUnitsQuery): Promise<AdministrativeUnitPageResponse> {
    const [units, total] = await this.units.list(query);
    return pageOf(units, total, query, AdministrativeUnitResponse.from);
  }

  @Get(':id')
  @Requires('units:read')
  @ApiOperation({ summary: 'One administrative unit (ward, district, city)' })
  @ApiOkResponse({ type: AdministrativeUnitResponse })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<AdministrativeUnitResponse> {
    return AdministrativeUnitResponse.from(await this.units.get(id));
  }
}
