import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EvidenceStorage, type StoredContent } from './evidence-storage.js';

/**
 * Evidence on a local disk (in docker compose, a named volume). Content is written to a file of
 * its own in `.incoming/` and renamed into place once complete, so a reader never sees half a file.
 */
export class LocalDiskStorage extends EvidenceStorage {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  async put(key: string, body: () => Readable, _content: StoredContent): Promise<void> {
    const target = this.pathOf(key);
    if (await this.has(key)) return;
    const incoming = join(this.root, '.incoming', randomUUID());
    await mkdir(dirname(incoming), { recursive: true });
    await mkdir(dirname(target), { recursive: true });
    try {
      await pipeline(body(), createWriteStream(incoming, { flags: 'wx' }));
      await rename(incoming, target);
    } finally {
      await rm(incoming, { force: true });
    }
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await stat(path);
    return createReadStream(path);
  }

  async has(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch {
      return false;
    }
  }

  private pathOf(key: string): string {
    const path = resolve(this.root, key);
    if (!path.startsWith(`${this.root}/`)) throw new Error(`Evidence key outside the storage: ${key}`);
    return path;
  }
}
