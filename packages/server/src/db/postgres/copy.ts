/**
 * Bulk loading on PostgreSQL: rows streamed through `COPY … FROM STDIN` (CSV), the fastest way in, for the
 * demonstration seed and the national-size benchmark. Values are written as PostgreSQL reads them back:
 * null as an unquoted empty field, text quoted, buffers as bytea hex.
 */
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | Buffer | null | undefined;

/** CSV is written to the server in chunks of about this many characters (one write per chunk, not per row). */
const CHUNK = 65_536;

function field(value: CopyValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  return `"${value.replaceAll('"', '""')}"`;
}

export interface CopyWriter {
  /** Queue one row (values in the order of the columns); resolves at once unless the server is behind. */
  add: (row: readonly CopyValue[]) => void | Promise<void>;
  /** Send what is queued, end the COPY and resolve with the rows stored; rejects with the server's error. */
  end: () => Promise<number>;
  /** Cancel the COPY (the server stores none of its rows); resolves once the connection is usable again. */
  abort: (reason: Error) => Promise<void>;
}

/**
 * A COPY into `table (columns)` on `client`, inside the caller's transaction if it has one. Nothing else may
 * run on `client` until `end()` resolves. `add` waits while the server is behind (backpressure), so ten
 * million rows stream through in constant memory.
 *
 * @example const copy = copyWriter(client, 'meta', ['key', 'value']); await copy.add(['k', 'v']); await copy.end();
 */
export function copyWriter(client: PoolClient, table: string, columns: readonly string[]): CopyWriter {
  const target = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT csv)`));
  // A failure (a bad value, the connection lost) is reported by end(), or by the add that waits for room.
  let failure: Error | null = null;
  target.on('error', (error: Error) => (failure ??= error));
  let chunk = '';
  const send = async () => {
    const text = chunk;
    chunk = '';
    if (failure) throw failure;
    if (!target.write(text)) await once(target, 'drain');
  };
  return {
    add: (row) => {
      chunk += `${row.map(field).join(',')}\n`;
      if (chunk.length >= CHUNK) return send();
    },
    end: async () => {
      if (chunk) await send();
      target.end();
      await finished(target);
      if (failure) throw failure;
      return target.rowCount;
    },
    abort: async (reason) => {
      target.destroy(reason);
      await finished(target).catch(() => {});
    },
  };
}

/**
 * Stream `rows` (values in the order of `columns`) into `table` on `client`. Returns how many rows were stored.
 *
 * @example await copyRows(client, 'ratings_daily_total', ['day', 'very_satisfied', 'satisfied', 'dissatisfied'], rows);
 */
export async function copyRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>,
): Promise<number> {
  const copy = copyWriter(client, table, columns);
  try {
    for await (const row of rows) await copy.add(row);
  } catch (error) {
    await copy.abort(error as Error);
    throw error;
  }
  return copy.end();
}
