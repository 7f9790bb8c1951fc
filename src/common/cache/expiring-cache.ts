import { ALL_ENTRIES, type CacheInvalidations } from './cache-invalidations.js';

interface Entry<V> {
  value: V;
  /** Date.now() after which the entry is not used. */
  expiresAt: number;
  tags: readonly string[];
}

/**
 * A small in-process cache of values that are costly to read on every request and rarely change
 * (who a token belongs to, what a user may see). Entries live `ttlMs` at most (real time, not the
 * product's clock) and are dropped at once when one of their tags is invalidated, in any process.
 * With `ttlMs` 0 it keeps nothing.
 */
export class ExpiringCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly keysByTag = new Map<string, Set<string>>();

  constructor(
    invalidations: CacheInvalidations,
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {
    invalidations.listen((tags) => this.drop(tags));
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** Keeps `value` for `ttlMs` (or less, until `expiresAt`), dropped when any of `tags` is invalidated. */
  set(key: string, value: V, tags: readonly string[], expiresAt = Infinity): void {
    if (this.ttlMs <= 0) return;
    this.delete(key);
    if (this.entries.size >= this.maxEntries) this.evictOldest();
    this.entries.set(key, { value, tags, expiresAt: Math.min(Date.now() + this.ttlMs, expiresAt) });
    for (const tag of tags) {
      let keys = this.keysByTag.get(tag);
      if (!keys) this.keysByTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private drop(tags: readonly string[]): void {
    if (tags.includes(ALL_ENTRIES)) {
      this.entries.clear();
      this.keysByTag.clear();
      return;
    }
    for (const tag of tags) for (const key of this.keysByTag.get(tag) ?? []) this.delete(key);
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const tag of entry.tags) {
      const keys = this.keysByTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.keysByTag.delete(tag);
    }
  }

  /** Maps keep insertion order: the first entry is the oldest. */
  private evictOldest(): void {
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.delete(oldest.value);
  }
}
