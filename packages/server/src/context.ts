/**
 * What route handlers share: the database, the resolved settings and the few stateful helpers.
 */
import type { AdministrativeUnit, ServiceInfo } from '@motcua/sdk';
import type { Database } from './db/database.js';
import type { Clock } from './clock.js';
import type { RateLimits } from './config.js';
import type { LookupGuard } from './http/challenge.js';
import type { CursorCodec } from './http/cursor.js';
import type { FactorHasher } from './privacy/verification.js';
import type { SharedStateHealth } from './shared-state/shared-state.js';

export interface AppContext {
  db: Database;
  verification: 'off' | 'required';
  rateLimits: RateLimits;
  hasher: FactorHasher;
  /** The proof-of-work asked after repeated lookup misses, or null when off. */
  lookupGuard: LookupGuard | null;
  cursors: CursorCodec;
  /** Check JSON responses against the contract before sending them. */
  validateResponses: boolean;
  clock: Clock;
  /** The deployment's service description (province, verification, demo). */
  serviceInfo: ServiceInfo;
  /** Every unit, current and former, loaded at start (units change only when the database is seeded). */
  units: () => readonly AdministrativeUnit[];
  /** Whether the state shared with other instances (Redis) answers; `none` when it lives in this process. */
  sharedStateHealth: () => Promise<SharedStateHealth>;
}
