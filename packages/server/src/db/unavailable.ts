/**
 * Which storage errors mean "the database cannot answer right now" rather than a mistake: the request may
 * succeed if sent again shortly, so the API answers 503 with Retry-After (not 500) and the server keeps
 * running; the PostgreSQL pool opens new connections as soon as the database is back.
 */

/** Seconds a client is asked to wait before trying again. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), the server shutting down or crashed (57P01, 57P02),
 * starting up (57P03), out of connection slots (53300).
 */
const POSTGRES_STATES = /^(08...|57P0[123]|53300)$/;

/** Node's errors for a socket that could not be opened or was cut. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** node-postgres's own words for a connection lost or not had in time (these carry no code). */
const POSTGRES_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;

/** SQLite: another process (an import, a second server) held the write lock longer than the busy timeout. */
const SQLITE_CODES = /^SQLITE_BUSY/;

function unavailableHere(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (POSTGRES_STATES.test(code) || SOCKET_CODES.has(code) || SQLITE_CODES.test(code))) return true;
  return POSTGRES_MESSAGES.test(error.message);
}

/** Whether `error` (or an error it wraps, through `cause` or an AggregateError) says the database is unreachable. */
export function isStorageUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || !(error instanceof Error)) return false;
  if (unavailableHere(error)) return true;
  if (error instanceof AggregateError && error.errors.some((e) => isStorageUnavailable(e, depth + 1))) return true;
  return isStorageUnavailable(error.cause, depth + 1);
}
