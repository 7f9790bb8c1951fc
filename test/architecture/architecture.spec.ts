import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shape of src/, checked on every `npm test`: areas (top-level folders and each feature module)
 * form a layered tree without cycles, the bottom layers import nothing above them, domain rules
 * import no framework, no service handles an EntityManager, and no file outgrows 400 lines.
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const MAX_LINES = 400;

interface SourceFile {
  path: string;
  area: string;
  text: string;
  imports: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** `modules/<feature>` for a feature's files, else the top-level folder (or file) of src/. */
function areaOf(path: string): string {
  const parts = relative(SRC, path).split('/');
  if (parts[0] === 'modules' && parts.length > 2) return `modules/${parts[1]}`;
  return parts.length > 1 ? parts[0] : parts[0].replace(/\.ts$/, '');
}

const files: SourceFile[] = walk(SRC)
  .filter((path) => !path.endsWith('.spec.ts'))
  .map((path) => {
    const text = readFileSync(path, 'utf8');
    const imports = [...text.matchAll(/from\s+'(\.[^']+)'/g)].map((m) => resolve(dirname(path), m[1]));
    return { path, area: areaOf(path), text, imports };
  });

function edges(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of files) {
    for (const target of file.imports) {
      if (!target.startsWith(SRC)) continue;
      const to = areaOf(target.replace(/\.js$/, '.ts'));
      if (to === file.area) continue;
      if (!graph.has(file.area)) graph.set(file.area, new Set());
      graph.get(file.area)?.add(to);
    }
  }
  return graph;
}

/** Strongly connected components of more than one area (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indexOf.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indexOf.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, indexOf.get(w) as number));
    }
    if (low.get(v) === indexOf.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  const nodes = new Set([...graph.keys(), ...[...graph.values()].flatMap((to) => [...to])]);
  for (const node of nodes) if (!indexOf.has(node)) visit(node);
  return found;
}

describe('the architecture of src/', () => {
  const graph = edges();

  it('should form no import cycle between areas', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it.each([
    ['config', []],
    ['common', ['config']],
    ['database', ['common', 'config']],
    ['jobs', ['common', 'config', 'database']],
    ['events', ['common', 'config', 'database', 'jobs']],
    ['modules/access', ['common', 'config']],
  ])('should keep %s below everything but %j', (area, allowed) => {
    const reached = [...(graph.get(area) ?? [])].filter((to) => !allowed.includes(to));
    expect(reached).toEqual([]);
  });

  it('should keep domain rules free of the framework and the database', () => {
    const offenders = files
      .filter((file) => file.path.includes('/domain/'))
      .filter((file) => /from '(@nestjs\/|typeorm|bullmq|ioredis|pg')/.test(file.text))
      .map((file) => relative(SRC, file.path));
    expect(offenders).toEqual([]);
  });

  it('should hand no EntityManager to or from a service, and use no forwardRef', () => {
    const offenders = files
      .filter(
        (file) =>
          (file.path.endsWith('.service.ts') && /\bEntityManager\b/.test(file.text)) || /forwardRef\(/.test(file.text),
      )
      .map((file) => relative(SRC, file.path));
    expect(offenders).toEqual([]);
  });

  it('should open transactions in one place only', () => {
    const offenders = files
      .filter((file) => /\.transaction\(/.test(file.text) && !file.path.endsWith('database/transaction-host.ts'))
      .map((file) => relative(SRC, file.path));
    expect(offenders).toEqual([]);
  });

  it(`should keep every file under ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => ({ path: relative(SRC, file.path), lines: file.text.split('\n').length }))
      .filter((file) => file.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
