import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SNIFF_BYTES } from './domain/evidence.rules.js';

/** An upload read to its end into a file of its own, with what was learnt on the way. */
export interface SpooledUpload {
  path: string;
  size: number;
  /** Hex SHA-256 of every byte. */
  sha256: string;
  /** The first bytes, for reading the type off the content. */
  head: Buffer;
  discard(): Promise<void>;
}

const SPOOL_DIR = join(tmpdir(), 'gpmb-evidence-intake');

/**
 * Reads an upload to a temporary file while hashing and measuring it, so nothing reaches the
 * evidence storage before the whole file is known to be acceptable, and memory holds only a chunk.
 * An error of the upload (the size limit, a client that went away) removes the file and is rethrown.
 */
export async function spoolUpload(upload: Readable): Promise<SpooledUpload> {
  await mkdir(SPOOL_DIR, { recursive: true });
  const path = join(SPOOL_DIR, randomUUID());
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let size = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      if (headLength < SNIFF_BYTES) {
        head.push(chunk.subarray(0, SNIFF_BYTES - headLength));
        headLength += Math.min(chunk.length, SNIFF_BYTES - headLength);
      }
      done(null, chunk);
    },
  });
  const discard = () => rm(path, { force: true });
  try {
    await pipeline(upload, measure, createWriteStream(path, { flags: 'wx' }));
  } catch (error) {
    await discard();
    throw error;
  }
  return { path, size, sha256: hash.digest('hex'), head: Buffer.concat(head), discard };
}
