/**
 * Opaque pagination cursors: base64url of [version][offset][generation][query fingerprint][MAC]. The MAC makes
 * a tampered or invented cursor a clean 400 instead of a page from nowhere; the fingerprint ties a cursor to
 * the query that produced it, so it cannot be replayed against different filters; the generation ties it to
 * the ranking it is a position in, so a list ranked again since (new filings) is a 400 saying to start over
 * rather than a next page that repeats or skips rows.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { ProblemError } from './problem.js';

const VERSION = 2;
const FINGERPRINT_BYTES = 6;
const MAC_BYTES = 8;
const BODY_BYTES = 1 + 4 + 4 + FINGERPRINT_BYTES;
const FINGERPRINT_AT = 9;

export interface CursorCodec {
  /** Cursor for the page starting at `offset` of the result list of `query`, as ranked in `generation`. */
  encode(offset: number, query: unknown, generation?: number): string;
  /**
   * Offset encoded in `cursor`; throws a 400 problem (path `query.cursor`) if it is malformed, forged, from
   * another query or from another generation of the ranking.
   */
  decode(cursor: string, query: unknown, generation?: number): number;
}

function fingerprint(query: unknown): Buffer {
  return createHash('sha256').update(JSON.stringify(query)).digest().subarray(0, FINGERPRINT_BYTES);
}

function invalid(detail: string): ProblemError {
  return new ProblemError(400, 'validation_failed', {
    detail,
    errors: [{ path: 'query.cursor', message: detail }],
  });
}

/** Cursor codec keyed with a server secret (kept in the database so cursors survive a restart). */
export function createCursorCodec(secret: Buffer): CursorCodec {
  const mac = (body: Buffer) => createHmac('sha256', secret).update(body).digest().subarray(0, MAC_BYTES);
  return {
    encode(offset, query, generation = 0) {
      const body = Buffer.alloc(BODY_BYTES);
      body.writeUInt8(VERSION, 0);
      body.writeUInt32BE(offset, 1);
      body.writeUInt32BE(generation >>> 0, 5);
      fingerprint(query).copy(body, FINGERPRINT_AT);
      return Buffer.concat([body, mac(body)]).toString('base64url');
    },
    decode(cursor, query, generation = 0) {
      const bytes = Buffer.from(cursor, 'base64url');
      if (bytes.length !== BODY_BYTES + MAC_BYTES || bytes.toString('base64url') !== cursor) {
        throw invalid('The cursor is not one this server issued.');
      }
      const body = bytes.subarray(0, BODY_BYTES);
      if (body.readUInt8(0) !== VERSION || !timingSafeEqual(mac(body), bytes.subarray(BODY_BYTES))) {
        throw invalid('The cursor is not one this server issued.');
      }
      if (!fingerprint(query).equals(body.subarray(FINGERPRINT_AT, BODY_BYTES))) {
        throw invalid('The cursor belongs to a different query: repeat the query that returned it.');
      }
      if (body.readUInt32BE(5) !== generation >>> 0) {
        throw invalid('The results have been ranked again since this cursor was issued: load the first page again.');
      }
      return body.readUInt32BE(1);
    },
  };
}
