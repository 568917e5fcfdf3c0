/** A cached catalogue response: its strong validator and the parsed, contract-checked body. */
export interface CacheEntry {
  etag: string;
  value: unknown;
}

/**
 * A small least-recently-used map from request URL to {@link CacheEntry}, for conditional requests
 * (`If-None-Match` → 304). Values are copied on the way in; an entry is never changed once stored (a new
 * response replaces it), so a caller may hold one across a request, and copies the value before handing it out.
 */
export class EtagCache {
  readonly #entries = new Map<string, CacheEntry>();
  readonly #maxEntries: number;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  get(url: string): Readonly<CacheEntry> | undefined {
    const entry = this.#entries.get(url);
    if (entry) {
      // Re-insert to mark as most recently used (a Map iterates in insertion order).
      this.#entries.delete(url);
      this.#entries.set(url, entry);
    }
    return entry;
  }

  set(url: string, etag: string, value: unknown): void {
    this.#entries.delete(url);
    this.#entries.set(url, { etag, value: structuredClone(value) });
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  delete(url: string): void {
    this.#entries.delete(url);
  }
}
