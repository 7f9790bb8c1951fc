import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The web app (web/, built into WEB_DIR) served by the API itself, at `/`: its files as they are
 * (hashed assets cached for good, the page itself never), and its own routes (`/app/…`) answered
 * with its page, so a phone can reload any screen. Nothing is served when it has not been built.
 */
export async function registerWebApp(app: NestFastifyApplication, webDir: string): Promise<boolean> {
  const root = resolve(webDir);
  const page = join(root, 'index.html');
  if (!existsSync(page)) return false;
  const html = readFileSync(page, 'utf8');
  const fastify = app.getHttpAdapter().getInstance();
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    decorateReply: false,
    index: false,
    setHeaders: (reply, path) => {
      reply.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const sendPage = async (_request: FastifyRequest, reply: FastifyReply) =>
    reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  fastify.get('/', sendPage);
  fastify.get('/app/*', sendPage);
  return true;
}
