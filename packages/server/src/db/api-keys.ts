/**
 * Ingest API keys, stored only as SHA-256 hashes. Keys are long random strings, so a fast hash is enough:
 * there is nothing to brute-force that a slow hash would protect.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { statement } from './statements.js';

/** Hex SHA-256 of an API key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * Make the configured keys (from the environment) the active `env` keys: add new ones, revoke env keys no
 * longer configured. Keys added otherwise (`source` = 'manual') are left alone.
 */
export function syncConfiguredKeys(db: Database, hashes: readonly string[], now = new Date()): void {
  const at = now.toISOString();
  db.transaction(() => {
    const wanted = new Set(hashes);
    const existing = statement(db, "SELECT hash, revoked_at FROM api_keys WHERE source = 'env'").all() as {
      hash: string;
      revoked_at: string | null;
    }[];
    for (const row of existing) {
      if (!wanted.has(row.hash) && row.revoked_at === null) {
        statement(db, 'UPDATE api_keys SET revoked_at = ? WHERE hash = ?').run(at, row.hash);
      }
    }
    hashes.forEach((hash, i) => {
      statement(
        db,
        `INSERT INTO api_keys (hash, label, source, created_at) VALUES (?, ?, 'env', ?)
         ON CONFLICT (hash) DO UPDATE SET revoked_at = NULL`,
      ).run(hash, `MOTCUA_INGEST_KEYS #${i + 1}`, at);
    });
  })();
}

/** Whether `key` is an active (not revoked) ingest key. */
export function isValidApiKey(db: Database, key: string): boolean {
  return statement(db, 'SELECT 1 FROM api_keys WHERE hash = ? AND revoked_at IS NULL').get(hashApiKey(key)) !== undefined;
}
