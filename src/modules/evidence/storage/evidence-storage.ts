import type { Readable } from 'node:stream';

/** What is known of content when it is stored. */
export interface StoredContent {
  size: number;
  contentType: string;
  /** Hex SHA-256 of the bytes, already computed on intake. */
  sha256: string;
}

/**
 * Where the bytes of evidence files are kept. Keys name content (its SHA-256), so storing a key
 * that is already there is harmless and nothing is ever overwritten with other bytes. Nothing here
 * deletes: a file is kept for as long as the record it proves.
 */
export abstract class EvidenceStorage {
  /** Stores the bytes read from `body` under `key`, unless that key is already stored. */
  abstract put(key: string, body: () => Readable, content: StoredContent): Promise<void>;

  /** The stored bytes of `key`; throws when there are none. */
  abstract open(key: string): Promise<Readable>;

  abstract has(key: string): Promise<boolean>;
}
