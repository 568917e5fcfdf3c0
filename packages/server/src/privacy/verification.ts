/**
 * The lookup's second factor: the last 4 digits of the applicant's phone or ID number. Only a keyed hash
 * (HMAC-SHA-256 over the dossier code and the digits) is stored, so the database alone does not reveal the
 * digits and equal digits on two dossiers do not look alike.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export interface FactorHasher {
  /** Keyed hash of `last4` for the dossier `code`. */
  hash(code: string, last4: string): Buffer;
  /**
   * Whether `factor` matches one of the stored hashes. Always hashes and compares against every slot, so
   * the time taken does not depend on which (if any) matched.
   */
  matches(code: string, factor: string, stored: readonly (Buffer | null)[]): boolean;
}

/** Last 4 digits of a phone or ID number, ignoring separators; null when it has fewer than 4 digits. */
export function lastFourDigits(value: string | null | undefined): string | null {
  const digits = (value ?? '').replace(/[^0-9]/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** A hasher keyed with `secret`. */
export function createFactorHasher(secret: Buffer): FactorHasher {
  const hash = (code: string, last4: string) => createHmac('sha256', secret).update(`${code}\u0000${last4}`).digest();
  return {
    hash,
    matches(code, factor, stored) {
      const candidate = hash(code, factor);
      let ok = false;
      for (const slot of stored) {
        const compared = slot && slot.length === candidate.length ? slot : Buffer.alloc(candidate.length);
        ok = timingSafeEqual(compared, candidate) && slot !== null ? true : ok;
      }
      return ok;
    },
  };
}
