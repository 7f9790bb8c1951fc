import type { FastifyInstance, FastifyRequest } from 'fastify';
import FindMyWay from 'find-my-way';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

/**
 * Every route's methods, in a router of their own (find-my-way, the one Fastify uses), so that a
 * request whose path exists under other methods can be answered 405 with `Allow` instead of 404.
 * Catch-all routes (the CORS preflight's `*`) are left out: they would make every path exist.
 */
export class RouteMethods {
  private readonly router = FindMyWay({ ignoreTrailingSlash: true });

  add(method: string, url: string): void {
    if (url.includes('*')) return;
    try {
      this.router.on(method as (typeof METHODS)[number], url, () => undefined);
    } catch {
      // The same method and path from two registrations (HEAD for GET): one is enough.
    }
  }

  /** The methods the path answers to; empty when no route has the path at all. */
  allowedFor(url: string): string[] {
    const path = url.split('?')[0];
    return METHODS.filter((method) => this.router.find(method, path) !== null);
  }

  /**
   * Collects the routes registered on `fastify` from now on, and gives every request an
   * `allowedMethods()` (read by the error filter when no route matched).
   */
  static track(fastify: FastifyInstance): RouteMethods {
    const methods = new RouteMethods();
    fastify.addHook('onRoute', (route) => {
      for (const method of ([] as string[]).concat(route.method)) methods.add(method, route.url);
    });
    fastify.decorateRequest('allowedMethods', function (this: FastifyRequest) {
      return methods.allowedFor(this.url);
    });
    return methods;
  }
}
