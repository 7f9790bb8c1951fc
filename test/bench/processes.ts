import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT_DIR } from './bench-config.js';

const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 5_000;

export interface Server {
  name: string;
  pid: number;
  baseUrl: string;
  logFile: string;
  child: ChildProcess;
}

/** The servers this run started, so that every way out (end, failure, Ctrl-C) stops them. */
const running = new Set<Server>();

/** Stops whatever is still running, synchronously: usable from an `exit` handler. */
function killAllNow(): void {
  for (const server of running) server.child.kill('SIGKILL');
  running.clear();
}

export function stopServersOnExit(): void {
  process.once('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n[bench] ${signal}: stopping the servers`);
      killAllNow();
      process.exit(130);
    });
  }
}

/** A port nobody listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface StartOptions {
  name: string;
  /** Arguments to `node` (flags, then the script). */
  args: string[];
  env: Record<string, string>;
  port: number;
  logFile: string;
}

/** Starts `node …` with its output in `logFile`, and resolves once GET /health answers 200. */
export async function startServer(options: StartOptions): Promise<Server> {
  const log = openSync(options.logFile, 'w');
  const child = spawn(process.execPath, options.args, {
    cwd: ROOT_DIR,
    env: { PATH: process.env.PATH ?? '', ...options.env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  if (child.pid === undefined) throw new Error(`${options.name} did not start`);
  const server: Server = {
    name: options.name,
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${options.port}`,
    logFile: options.logFile,
    child,
  };
  running.add(server);
  await waitUntilReady(server);
  return server;
}

async function waitUntilReady(server: Server): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null) break;
    try {
      const response = await fetch(`${server.baseUrl}/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  const tail = readFileSync(server.logFile, 'utf8').split('\n').slice(-30).join('\n');
  throw new Error(`${server.name} did not become ready (exit code ${server.child.exitCode}); its log ends:\n${tail}`);
}

/** SIGTERM, then SIGKILL if it has not exited after a grace period. */
export async function stopServer(server: Server): Promise<void> {
  running.delete(server);
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
  server.child.kill('SIGTERM');
  const killed = await Promise.race([exited.then(() => true), sleep(STOP_GRACE_MS).then(() => false)]);
  if (!killed) {
    server.child.kill('SIGKILL');
    await exited;
  }
}
