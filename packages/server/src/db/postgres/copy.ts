/**
 * Bulk loading on PostgreSQL: rows streamed through `COPY … FROM STDIN` (CSV), the fastest way in, for the
 * demonstration seed and the national-size benchmark. Values are written as PostgreSQL reads them back:
 * null as an unquoted empty field, text quoted, buffers as bytea hex.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type CopyValue = string | number | Buffer | null | undefined;

function field(value: CopyValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (Buffer.isBuffer(value)) return `\\x${value.toString('hex')}`;
  return `"${value.replaceAll('"', '""')}"`;
}

/** CSV text of the rows, in chunks of about 64 kB (one write per chunk, not per row). */
async function* csv(rows: Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>): AsyncGenerator<string> {
  let chunk = '';
  for await (const row of rows) {
    chunk += `${row.map(field).join(',')}\n`;
    if (chunk.length >= 65_536) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/**
 * Stream `rows` (values in the order of `columns`) into `table` on `client`, inside the caller's transaction
 * if it has one. Returns how many rows were stored.
 *
 * @example await copyRows(client, 'ratings_daily_total', ['day', 'very_satisfied', 'satisfied', 'dissatisfied'], rows);
 */
export async function copyRows(
  client: PoolClient,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>,
): Promise<number> {
  const target = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN (FORMAT csv)`));
  await pipeline(Readable.from(csv(rows)), target);
  return target.rowCount;
}
