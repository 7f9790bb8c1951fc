import type { BenchPath, PathContext } from './bench-paths.js';
import type { Server } from './processes.js';

/** Every leaf of a JSON value by its path (`items[].parcels[].areaM2`): what a body says, not its values. */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) {
    const inner = [...new Set(value.flatMap((item) => fieldPaths(item, `${prefix}[]`)))];
    return inner.length ? inner : [`${prefix}[]`];
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => fieldPaths(item, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

async function answer(server: Server, path: BenchPath, context: PathContext) {
  const request = path.next(context);
  const response = await fetch(`${server.baseUrl}${request.path}`, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const text = await response.text();
  return { status: response.status, fields: new Set(fieldPaths(text ? JSON.parse(text) : null)) };
}

/**
 * One request of the path to each server before it is measured: both must answer its status with
 * the same fields, or the ratio would compare different work (a raw server that forgot a field, a
 * product that grew one).
 */
export async function assertSameAnswers(path: BenchPath, context: PathContext, product: Server, raw: Server) {
  const [mine, reference] = await Promise.all([answer(product, path, context), answer(raw, path, context)]);
  const problems: string[] = [];
  for (const [name, got] of [
    ['product', mine],
    ['raw', reference],
  ] as const) {
    if (got.status !== path.expectedStatus) problems.push(`${name} answered ${got.status}, not ${path.expectedStatus}`);
  }
  const onlyProduct = [...mine.fields].filter((field) => !reference.fields.has(field));
  const onlyRaw = [...reference.fields].filter((field) => !mine.fields.has(field));
  if (onlyProduct.length) problems.push(`only the product answers ${onlyProduct.join(', ')}`);
  if (onlyRaw.length) problems.push(`only the raw server answers ${onlyRaw.join(', ')}`);
  if (problems.length) throw new Error(`${path.id}: ${problems.join('; ')}`);
}
