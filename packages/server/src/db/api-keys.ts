/**
 * API keys, stored only as SHA-256 hashes: ingest keys (a one-stop system pushing dossiers) and admin keys (an
 * IT team changing offices and the calendar); a key of one kind is not valid for the other. Keys are long random strings, so a fast hash is enough:
 * there is nothing to brute-force that a slow hash would protect.
 */
import { createHash } from 'node:crypto';
import { transaction, type Database } from './database.js';
import { all, one, run, sql } from './query.js';

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
export async function syncConfiguredKeys(
  db: Database,
  configured: Partial<Record<KeyScope, readonly string[]>>,
  now = new Date(),
): Promise<void> {
  const ingest = new Set(configured.ingest ?? []);
  if ((configured.admin ?? []).some((hash) => ingest.has(hash))) {
    throw new Error('The same key is both an ingest key and an admin key: a key has one scope, give each its own.');
  }
  await transaction(db, async (trx) => {
    for (const scope of ['ingest', 'admin'] as const) await syncScope(trx, configured[scope] ?? [], now.toISOString(), scope);
  });
}

async function syncScope(db: Database, hashes: readonly string[], at: string, scope: KeyScope): Promise<void> {
  const { source, label } = CONFIGURED[scope];
  const wanted = new Set(hashes);
  const existing = await all(db, sql<{ hash: string; revoked_at: string | null }>`SELECT hash, revoked_at FROM api_keys
    WHERE source = ${source}`);
  for (const row of existing) {
    if (!wanted.has(row.hash) && row.revoked_at === null) {
      await run(db, sql`UPDATE api_keys SET revoked_at = ${at} WHERE hash = ${row.hash}`);
    }
  }
  for (const [i, hash] of hashes.entries()) {
    const stored = await one(db, sql<{ source: string }>`SELECT source FROM api_keys WHERE hash = ${hash}`);
    if (stored && stored.source !== source) {
      const kind = stored.source === CONFIGURED.admin.source ? 'an admin key' : 'an ingest key';
      throw new Error(`${label} #${i + 1} is already ${kind} of this database: a key has one scope, generate a new key for ${scope}.`);
    }
    await run(db, sql`INSERT INTO api_keys (hash, label, source, created_at) VALUES (${hash}, ${`${label} #${i + 1}`}, ${source}, ${at})
      ON CONFLICT (hash) DO UPDATE SET revoked_at = NULL, label = excluded.label`);
  }
}

/** Whether `key` is an active (not revoked) key of `scope` (default ingest). */
export async function isValidApiKey(db: Database, key: string, scope: KeyScope = 'ingest'): Promise<boolean> {
  const row = await one(db, sql<{ source: string }>`SELECT source FROM api_keys WHERE hash = ${hashApiKey(key)}
    AND revoked_at IS NULL`);
  return row !== undefined && (scope === 'admin') === (row.source === CONFIGURED.admin.source);
}
