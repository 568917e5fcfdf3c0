/**
 * API keys, stored only as SHA-256 hashes: ingest keys (a one-stop system pushing dossiers) and admin keys (an
 * IT team changing offices and the calendar); a key of one kind is not valid for the other. Keys are long random strings, so a fast hash is enough:
 * there is nothing to brute-force that a slow hash would protect.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { statement } from './statements.js';

/** Hex SHA-256 of an API key. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What a key is for. */
export type KeyScope = 'ingest' | 'admin';
// `source` of configured keys: 'env' (MOTCUA_INGEST_KEYS, the original name) and 'admin-env' (MOTCUA_ADMIN_KEYS).
const CONFIGURED: Record<KeyScope, { source: string; label: string }> = {
  ingest: { source: 'env', label: 'MOTCUA_INGEST_KEYS' },
  admin: { source: 'admin-env', label: 'MOTCUA_ADMIN_KEYS' },
};

/**
 * Make the configured keys (from the environment) the active keys of their scope: add new ones, revoke
 * configured keys no longer configured. Keys added otherwise (`source` = 'manual', ingest) are left alone.
 * A key keeps the scope it was first stored with, revoked or not: configuring it for the other scope (the
 * same key in both lists, or an old ingest key reused as an admin key) throws, naming the variable, before
 * anything is written (one transaction for both scopes).
 */
export function syncConfiguredKeys(db: Database, configured: Partial<Record<KeyScope, readonly string[]>>, now = new Date()): void {
  const ingest = new Set(configured.ingest ?? []);
  if ((configured.admin ?? []).some((hash) => ingest.has(hash))) {
    throw new Error('The same key is both an ingest key and an admin key: a key has one scope, give each its own.');
  }
  db.transaction(() => {
    for (const scope of ['ingest', 'admin'] as const) syncScope(db, configured[scope] ?? [], now.toISOString(), scope);
  })();
}

function syncScope(db: Database, hashes: readonly string[], at: string, scope: KeyScope): void {
  const { source, label } = CONFIGURED[scope];
  const wanted = new Set(hashes);
  const existing = statement(db, 'SELECT hash, revoked_at FROM api_keys WHERE source = ?').all(source) as {
    hash: string;
    revoked_at: string | null;
  }[];
  for (const row of existing) {
    if (!wanted.has(row.hash) && row.revoked_at === null) {
      statement(db, 'UPDATE api_keys SET revoked_at = ? WHERE hash = ?').run(at, row.hash);
    }
  }
  hashes.forEach((hash, i) => {
    const stored = statement(db, 'SELECT source FROM api_keys WHERE hash = ?').get(hash) as { source: string } | undefined;
    if (stored && stored.source !== source) {
      const kind = stored.source === CONFIGURED.admin.source ? 'an admin key' : 'an ingest key';
      throw new Error(`${label} #${i + 1} is already ${kind} of this database: a key has one scope, generate a new key for ${scope}.`);
    }
    statement(
      db,
      `INSERT INTO api_keys (hash, label, source, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (hash) DO UPDATE SET revoked_at = NULL, label = excluded.label`,
    ).run(hash, `${label} #${i + 1}`, source, at);
  });
}

/** Whether `key` is an active (not revoked) key of `scope` (default ingest). */
export function isValidApiKey(db: Database, key: string, scope: KeyScope = 'ingest'): boolean {
  const row = statement(db, 'SELECT source FROM api_keys WHERE hash = ? AND revoked_at IS NULL').get(hashApiKey(key)) as
    | { source: string }
    | undefined;
  return row !== undefined && (scope === 'admin') === (row.source === CONFIGURED.admin.source);
}
