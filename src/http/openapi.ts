import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ErrorResponse } from '../common/errors/error-response.js';

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
    { extraModels: [ErrorResponse] },
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
