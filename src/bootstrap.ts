import { RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import helmet from '@fastify/helmet';
import { LogController } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { AppModule, type AppModuleOptions, REQUEST_ID_HEADER, requestIdFor } from './app.module.js';
import { HttpErrorFilter } from './common/errors/http-error.filter.js';
import { BodylessRoutesInterceptor } from './common/http/bodyless-routes.interceptor.js';
import { ResponseMetaInterceptor } from './common/http/response-meta.interceptor.js';
import { createValidationPipe } from './common/http/validation.js';
import { createLogger, PinoNestLogger } from './common/logging/logger.js';
import type { AppConfig } from './config/app-config.js';
import { setupOpenApi } from './http/openapi.js';
import { registerJsonBodies } from './http/json-body.js';
import { registerQueueBoard } from './http/queue-board.js';
import { RouteMethods } from './http/route-methods.js';
import { registerWebApp } from './http/web-app.js';

export const API_PREFIX = 'api/v1';
const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the HTTP application exactly as production runs it; the e2e tests use this too. */
export async function createApp(config: AppConfig, options: AppModuleOptions = {}): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (request: IncomingMessage) => {
      const id = requestIdFor(request);
      // The request context (a Nest middleware, given the raw request) names the same id.
      (request as IncomingMessage & { id?: string }).id = id;
      return id;
    },
    loggerInstance: logger,
    // One line per request, written below once the answer is sent; Fastify's two are not needed.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    // `/projects/` is `/projects`, as HTTP clients expect.
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, options), adapter, {
    logger: new PinoNestLogger(logger),
    // JSON bodies are parsed by src/http/json-body.ts (empty bodies, depth, Unicode), not by Nest's parser.
    bodyParser: false,
    // A wiring error (a missing provider, a failed boot check) is thrown to the caller, which
    // reports it and exits, rather than ending the process from inside Nest.
    abortOnError: false,
  });
  app.enableShutdownHooks();
  await app.register(helmet, {
    // The API answers JSON; only the Swagger UI at /docs needs its inline script and styles.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
      },
    },
  });
  app.enableCors({
    origin: config.corsOrigins.length > 0 ? config.corsOrigins : false,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'If-Match',
      'If-None-Match',
      'Idempotency-Key',
      'X-API-Key',
      'X-Request-Id',
    ],
    exposedHeaders: ['ETag', 'Location', 'X-Request-Id', 'Idempotent-Replayed', 'Retry-After', 'Allow'],
    maxAge: 600,
  });
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonBodies(fastify);
  RouteMethods.track(fastify);
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    // The Swagger UI loads its assets relative to /docs: /docs/ would load nothing.
    if (request.url === '/docs/') return reply.redirect('/docs', 301);
    // What the API answers is the caller's own data: no cache keeps a copy.
    if (request.url.startsWith(`/${API_PREFIX}/`)) void reply.header('cache-control', 'no-store');
    return undefined;
  });
  fastify.addHook('onResponse', async (request, reply) => {
    if (request.url === '/health') return;
    request.log.info(
      {
        req: { method: request.method, url: request.url },
        res: { statusCode: reply.statusCode },
        responseTime: reply.elapsedTime,
      },
      'request completed',
    );
  });
  await registerQueueBoard(app);
  app.setGlobalPrefix(API_PREFIX, { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  app.useGlobalPipes(createValidationPipe());
  // Outermost, so replayed responses get their ETag too.
  app.useGlobalInterceptors(new ResponseMetaInterceptor(), new BodylessRoutesInterceptor());
  app.useGlobalFilters(new HttpErrorFilter());

  setupOpenApi(app);
  await registerWebApp(app, config.webDir);
  return app;
}
