import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses } from '../../common/http/api-error-responses.decorator.js';
import { pageOf } from '../../common/http/pagination.js';
import { ParseId } from '../../common/http/params.js';
import { ETAG_HEADER, ApiIfMatch, ExpectedVersion } from '../../common/http/versioning.js';
import { InScope, Requires } from '../access/access.decorators.js';
import { DialoguesService, type DialogueSessionWithParticipants } from './dialogues.service.js';
import { CreateDialogueSessionDto } from './dto/create-dialogue-session.dto.js';
import { DialogueSessionPageResponse, DialogueSessionResponse } from './dto/dialogue-session.response.js';
import { ListDialogueSessionsQuery } from './dto/list-dialogue-sessions.query.js';
import { UpdateDialogueSessionDto } from './dto/update-dialogue-session.dto.js';

const toResponse = ({ session, participants }: DialogueSessionWithParticipants) =>
  DialogueSessionResponse.from(session, participants);

@ApiTags('dialogue sessions')
@Controller()
export class DialoguesController {
  constructor(private readonly dialogues: DialoguesService) {}

  @Post('projects/:projectId/dialogue-sessions')
  @Requires('dialogues:write')
  @InScope('project', 'projectId')
  @ApiOperation({ summary: 'Schedule a dialogue session (đối thoại) and invite households of the project' })
  @ApiCreatedResponse({ type: DialogueSessionResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404)
  async create(
    @Param('projectId', ParseId) projectId: string,
    @Body() body: CreateDialogueSessionDto,
  ): Promise<DialogueSessionResponse> {
    const created = await this.dialogues.create(projectId, body);
    return toResponse(created);
  }

  @Get('projects/:projectId/dialogue-sessions')
  @Requires('dialogues:read')
  @InScope('project', 'projectId')
  @ApiOperation({ summary: "A project's dialogue sessions, latest scheduled first" })
  @ApiOkResponse({ type: DialogueSessionPageResponse })
  @ApiErrorResponses(400, 404)
  async list(
    @Param('projectId', ParseId) projectId: string,
    @Query() query: ListDialogueSessionsQuery,
  ): Promise<DialogueSessionPageResponse> {
    const [sessions, total] = await this.dialogues.list(projectId, query);
    return pageOf(sessions, total, query, toResponse);
  }

  @Get('households/:householdId/dialogue-sessions')
  @Requires('dialogues:read')
  @InScope('household', 'householdId')
  @ApiOperation({
    summary: 'The dialogue sessions a household was invited to, latest scheduled first',
    description: "Each with all its participants; the household's own attendance and position are among them.",
  })
  @ApiOkResponse({ type: DialogueSessionPageResponse })
  @ApiErrorResponses(400, 404)
  async listForHousehold(
    @Param('householdId', ParseId) householdId: string,
    @Query() query: ListDialogueSessionsQuery,
  ): Promise<DialogueSessionPageResponse> {
    const [sessions, total] = await this.dialogues.listForHousehold(householdId, query);
    return pageOf(sessions, total, query, toResponse);
  }

  @Get('dialogue-sessions/:id')
  @Requires('dialogues:read')
  @InScope('dialogueSession')
  @ApiOperation({ summary: 'One dialogue session, with its agenda and minutes' })
  @ApiOkResponse({ type: DialogueSessionResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404)
  async get(@Param('id', ParseId) id: string): Promise<DialogueSessionResponse> {
    const found = await this.dialogues.get(id);
    return toResponse(found);
  }

  @Patch('dialogue-sessions/:id')
  @Requires('dialogues:write')
  @InScope('dialogueSession')
  @ApiOperation({
    summary: 'Reschedule, record as held (minutes, attendance), correct the record, or cancel',
    description:
      'Held and cancelled are final; a cancelled session is frozen. Refused with 412 (If-Match) or 409 (`version`) when based on a stale version.',
  })
  @ApiIfMatch()
  @ApiOkResponse({ type: DialogueSessionResponse, headers: ETAG_HEADER })
  @ApiErrorResponses(400, 404, 409, 412, 422)
  async update(
    @Param('id', ParseId) id: string,
    @Body() body: UpdateDialogueSessionDto,
    @ExpectedVersion() expected: number | undefined,
  ): Promise<DialogueSessionResponse> {
    const updated = await this.dialogues.update(id, body, expected);
    return toResponse(updated);
  }
}
