/**
 * A fresh Idempotency-Key (32 hex digits), for a rating sent now or kept to be retried later with the same key.
 * `getRandomValues` works on plain-http intranet portals too, where `crypto.randomUUID` (secure contexts only)
 * is missing.
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
