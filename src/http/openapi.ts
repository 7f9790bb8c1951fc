import { PATH_METADATA } from '@nestjs/common/constants.js';
import { MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  DocumentBuilder,
  getSchemaPath,
  type HeaderObject,
  type OpenAPIObject,
  type OperationObject,
  type ParameterObject,
  type ReferenceObject,
  type ResponseObject,
  SwaggerModule,
} from '@nestjs/swagger';
import { ErrorResponse } from '../common/errors/error-response.js';
import { ERROR_DESCRIPTIONS } from '../common/http/api-error-responses.decorator.js';
import { IDEMPOTENCY_KEY_HEADER } from '../common/http/idempotency.js';
import { ETAG_HEADER } from '../common/http/versioning.js';
import { PUBLIC_ROUTE } from '../modules/access/access.decorators.js';

/** The OpenAPI document of the API, served at /docs (Swagger UI) and /docs-json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('GPMB CRM API')
      .setDescription(
        'Land-clearance (giải phóng mặt bằng) CRM for ward working groups: projects, households and their ' +
          'consent status, home visits, dialogue sessions and consent statistics. Every route but /health, ' +
          '/docs and the login/refresh routes needs a bearer access token or an X-API-Key. Every error has ' +
          'the `ErrorResponse` shape.',
      )
      .setVersion('1')
      // Relative: the API is served by the host that serves this document.
      .addServer('/', 'The server of this document')
      .addBearerAuth({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'Access token from POST /api/v1/auth/login',
      })
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'API key for API clients' }, 'api-key')
      .addSecurityRequirements('bearer')
      .addSecurityRequirements('api-key')
      .build(),
    { extraModels: [ErrorResponse], operationIdFactory: operationIdOf },
  );
  SwaggerModule.setup('docs', app, completeContract(document, publicOperationIds(app)), {
    jsonDocumentUrl: 'docs-json',
  });
}

/** Swagger's own default, spelled out: publicOperationIds() must name operations the same way. */
function operationIdOf(controllerKey: string, methodKey: string): string {
  return `${controllerKey}_${methodKey}`;
}

/**
 * The operations of routes marked @Public(), read from the route metadata the access guard reads
 * (`PUBLIC_ROUTE` on the handler or its controller), so the document cannot drift from the guard.
 */
function publicOperationIds(app: NestFastifyApplication): Set<string> {
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const ids = new Set<string>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      if (typeof metatype !== 'function') continue;
      const prototype = metatype.prototype as Record<string, unknown>;
      for (const method of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[method];
        if (typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        if (reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, [handler, metatype])) {
          ids.add(operationIdOf(metatype.name, method));
        }
      }
    }
  }
  return ids;
}

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const ERROR_CONTENT = { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) } } };

/** As `parseIdempotencyKey` reads it. */
const IDEMPOTENCY_KEY_SCHEMA = {
  type: 'string' as const,
  minLength: 1,
  maxLength: 200,
  pattern: '^[\\x21-\\x7E]{1,200}$',
  description: '1 to 200 visible ASCII characters',
  example: '5f0c2b8e-3d7a-4b61-9a2e-8c4f1d6e7a90',
};

const IDEMPOTENCY_KEY_PARAMETER: ParameterObject = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe (a UUID made by the client is typical). A repeat with the same key and body returns ' +
    'the first response again, with `Idempotent-Replayed: true`, and changes nothing; the same key with ' +
    'another body is refused (422 IDEMPOTENCY_KEY_REUSED); a repeat while the first request still runs is ' +
    'refused once it has waited a while (409 IDEMPOTENT_REQUEST_IN_PROGRESS). Keys belong to the caller.',
  schema: IDEMPOTENCY_KEY_SCHEMA,
};

const REPLAYED_HEADER: HeaderObject = {
  description: 'Present, `true`, when this is the stored response to an earlier request with the same Idempotency-Key',
  schema: { type: 'string', enum: ['true'] },
};

const RETRY_AFTER_HEADER: HeaderObject = {
  description: 'Seconds to wait before trying again',
  schema: { type: 'integer', minimum: 0 },
};

const isReference = (value: object): value is ReferenceObject => '$ref' in value;
/** Each operation gets objects of its own, so that changing one never changes another. */
const fresh = <T>(value: T): T => structuredClone(value);

/** Adds a response with the `ErrorResponse` shape unless the route documents that status itself. */
function ensureError(operation: OperationObject, status: keyof typeof ERROR_DESCRIPTIONS, description?: string) {
  operation.responses[status] ??= {
    description: description ?? ERROR_DESCRIPTIONS[status],
    content: fresh(ERROR_CONTENT),
  } satisfies ResponseObject;
}

function responsesOf(operation: OperationObject): Array<[string, ResponseObject]> {
  return Object.entries(operation.responses).flatMap(([status, response]) =>
    response === undefined || isReference(response) ? [] : [[status, response] as [string, ResponseObject]],
  );
}

/**
 * What the decorators cannot say, or say route by route and so get wrong, added to the generated
 * document in one place so that a generated client is exact:
 *
 * - Public routes (@Public(): login, refresh, health) get `security: []`; every other route keeps
 *   the global requirement (a bearer token or an X-API-Key) or the one its controller declares.
 * - Every route that needs credentials can answer 401 (none or invalid) and 403 (the role does not
 *   allow it); every write, and every route with credentials, can answer 429 (the limits count
 *   writes, sign-ins and failed authentications), with `Retry-After`.
 * - Every POST with credentials honours `Idempotency-Key` (the global IdempotencyInterceptor): the
 *   header is declared with its exact syntax, along with the answers it brings (400 for a malformed
 *   key, 409 and 422 as described on the header, `Idempotent-Replayed` on the success response).
 * - Every response header has a schema (OpenAPI requires one): controllers that declare
 *   `headers: { ETag: { description } }` get the schema of `ETAG_HEADER`, any other header a string.
 */
export function completeContract(document: OpenAPIObject, publicIds: ReadonlySet<string>): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const isPublic = operation.operationId !== undefined && publicIds.has(operation.operationId);
      const isWrite = WRITE_METHODS.has(method);

      if (isPublic) {
        operation.security = [];
      } else {
        ensureError(operation, 401);
        ensureError(operation, 403);
      }
      // Writes are counted per caller; a route with credentials also answers 429 to an address
      // that keeps sending bogus ones.
      if (isWrite || !isPublic) ensureError(operation, 429);
      if (method === 'post' && !isPublic) addIdempotencyKey(operation);

      for (const [status, response] of responsesOf(operation)) {
        if (status === '429') response.headers = { 'Retry-After': fresh(RETRY_AFTER_HEADER), ...response.headers };
        for (const [name, header] of Object.entries(response.headers ?? {})) {
          if (isReference(header) || header.schema || header.content) continue;
          header.schema = name.toLowerCase() === 'etag' ? fresh(ETAG_HEADER.ETag.schema) : { type: 'string' };
        }
      }
    }
  }
  return document;
}

function addIdempotencyKey(operation: OperationObject): void {
  const parameters = (operation.parameters ??= []);
  const declared = parameters.find(
    (parameter): parameter is ParameterObject =>
      !isReference(parameter) && parameter.in === 'header' && parameter.name.toLowerCase() === IDEMPOTENCY_KEY_HEADER,
  );
  // A route that documents the header itself keeps its description; the syntax is the same everywhere.
  if (declared) declared.schema = fresh(IDEMPOTENCY_KEY_SCHEMA);
  else parameters.push(fresh(IDEMPOTENCY_KEY_PARAMETER));

  ensureError(operation, 400);
  ensureError(operation, 409, 'IDEMPOTENT_REQUEST_IN_PROGRESS: the first request with this Idempotency-Key still runs');
  ensureError(operation, 422, 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request');
  for (const [status, response] of responsesOf(operation)) {
    if (!status.startsWith('2')) continue;
    response.headers = { ...response.headers, 'Idempotent-Replayed': fresh(REPLAYED_HEADER) };
  }
}
