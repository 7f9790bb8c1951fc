import type { FastifyInstance } from 'fastify';
import { InputValidationError } from '../common/errors/domain-error.js';

/** Deeper than any body of this API; far below what would exhaust the stack of a recursive reader. */
export const MAX_BODY_DEPTH = 32;

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const refuse = (message: string) => new InputValidationError({ body: [message] });

/**
 * What is wrong with a parsed JSON body, walked without recursion: too deep, a string or key
 * holding a lone UTF-16 surrogate (not text, and not storable as UTF-8), or a key that would
 * reach an object's prototype.
 */
export function jsonBodyProblem(value: unknown): string | null {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [unknown, number];
    if (typeof node === 'string') {
      if (LONE_SURROGATE.test(node)) return 'The request body holds text that is not valid Unicode';
      continue;
    }
    if (node === null || typeof node !== 'object') continue;
    if (depth > MAX_BODY_DEPTH) return `The request body is nested deeper than ${MAX_BODY_DEPTH} levels`;
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      if (LONE_SURROGATE.test(key)) return 'The request body holds a key that is not valid Unicode';
      if (key === '__proto__' || (key === 'constructor' && child !== null && typeof child === 'object')) {
        return `The request body may not hold a "${key}" key`;
      }
      stack.push([child, depth + 1]);
    }
  }
  return null;
}

/**
 * JSON bodies as HTTP clients send them: an empty body (what many send with DELETE or a body-less
 * POST) is no body; anything else must be one JSON object, within the depth limit and valid
 * Unicode, refused with 400 before validation, hashing or the database ever see it.
 */
export function registerJsonBodies(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser(['application/json']);
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text: string | Buffer, done) => {
    const body = typeof text === 'string' ? text : text.toString('utf8');
    if (body.trim() === '') return done(null, undefined);
    let value: unknown;
    try {
      value = JSON.parse(body);
    } catch (error) {
      return done(Object.assign(new Error(`Malformed JSON: ${(error as Error).message}`), { statusCode: 400 }));
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      return done(refuse('The request body must be a JSON object'));
    }
    const problem = jsonBodyProblem(value);
    return problem ? done(refuse(problem)) : done(null, value);
  });
}
