/**
 * Durability: the real CLI on a database file takes concurrent rating submissions (each with its own
 * Idempotency-Key) and is killed with SIGKILL mid-stream. After a restart on the same file every
 * acknowledged (201) rating is there exactly once: replaying its key returns the same receipt, and the
 * database holds one row per stored key and nothing else.
 *
 *   node --conditions=source --import tsx --test test/server/durability.test.ts
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { RatingReceipt } from '@motcua/sdk';
import * as z from 'zod/mini';
import { startProcess } from '../support/reference-server.mjs';

const OFFICE = 'trung-tam-pvhcc-tinh';
const WORKERS = 12;
/** Acknowledged ratings to collect before the kill (requests of the other workers are still in flight). */
const KILL_AFTER = 120;
const LEVELS = ['very_satisfied', 'satisfied', 'dissatisfied'] as const;

interface RunningServer {
  url: string;
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/** Start `packages/server/src/cli.ts` on `dbPath`; resolves with the URL it prints. */
async function startCli(dbPath: string): Promise<RunningServer> {
  const { info: url, pid, exited, stop } = await startProcess(
    process.execPath,
    [
      '--conditions=source', '--import', 'tsx', 'packages/server/src/cli.ts',
      '--port', '0', '--db', dbPath, '--no-demo', '--static', '', '--cdn', '',
      '--rate-ratings', '1000000/min', '--rate-global', '1000000/min', '--log-level', 'warn',
    ],
    {
      name: 'motcua-server',
      quiet: true,
      // The CLI prints "localhost"; it listens on 127.0.0.1 only.
      ready: (line) => /\bat (http:\/\/\S+)/.exec(line)?.[1]?.replace('//localhost:', '//127.0.0.1:'),
    },
  );
  return { url, pid, exited, stop };
}

async function kill(server: RunningServer): Promise<void> {
  try {
    process.kill(server.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  await server.stop();
}

function ratingBody(key: string, n: number) {
  return { target: { type: 'office', id: OFFICE }, level: LEVELS[n % 3]!, comment: `Đánh giá số ${n} (${key})` };
}

function submit(url: string, key: string, body: unknown): Promise<Response> {
  return fetch(`${url}/v1/ratings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
  });
}

describe('durability of acknowledged ratings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-durability-'));
  const dbPath = join(dir, 'motcua.db');
  const servers: RunningServer[] = [];
  after(async () => {
    for (const server of servers) await kill(server);
    rmSync(dir, { recursive: true, force: true });
  });

  test('every rating acknowledged before a SIGKILL is there after the restart, once', { timeout: 120_000 }, async () => {
    const first = await startCli(dbPath);
    servers.push(first);

    const acknowledged = new Map<string, { body: ReturnType<typeof ratingBody>; receipt: RatingReceipt }>();
    let attempted = 0;
    let killed = false;
    const worker = async (w: number) => {
      for (let i = 0; !killed; i++) {
        const key = `durability-${w}-${i}`;
        const body = ratingBody(key, attempted++);
        try {
          const response = await submit(first.url, key, body);
          const text = await response.text();
          if (response.status === 201) acknowledged.set(key, { body, receipt: z.parse(RatingReceipt, JSON.parse(text)) });
          else assert.fail(`unexpected ${response.status} before the kill: ${text.slice(0, 300)}`);
        } catch (error) {
          if (killed) return; // in flight when the process died: not acknowledged, may or may not be stored
          throw error;
        }
        if (!killed && acknowledged.size >= KILL_AFTER) {
          killed = true;
          process.kill(first.pid, 'SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
    assert.equal((await first.exited).signal, 'SIGKILL');
    assert.ok(acknowledged.size >= KILL_AFTER);

    const second = await startCli(dbPath);
    servers.push(second);
    for (const [key, { body, receipt }] of acknowledged) {
      const replay = await submit(second.url, key, body);
      assert.equal(replay.status, 200, `replay of ${key}: ${replay.status}`);
      assert.deepEqual(z.parse(RatingReceipt, await replay.json()), receipt, `replay of ${key}`);
    }
    await kill(second);

    const db = new BetterSqlite3(dbPath, { readonly: true });
    try {
      const rows = db.prepare("SELECT id, comment FROM ratings WHERE office_id = ? AND comment LIKE 'Đánh giá số %'").all(OFFICE) as { id: string; comment: string }[];
      const keys = db.prepare("SELECT key, response FROM idempotency_keys WHERE key LIKE 'durability-%'").all() as { key: string; response: string }[];
      const ids = rows.map((r) => r.id);
      // One row per stored key, one key per row: nothing duplicated, nothing orphaned.
      assert.equal(new Set(rows.map((r) => r.comment)).size, rows.length, 'a submission stored twice');
      assert.equal(rows.length, keys.length);
      assert.deepEqual(new Set(keys.map((k) => (JSON.parse(k.response) as { id: string }).id)), new Set(ids));
      for (const [key, { receipt }] of acknowledged) {
        assert.ok(ids.includes(receipt.id), `acknowledged rating ${key} (${receipt.id}) is missing`);
      }
      // At most the in-flight submissions beyond the acknowledged ones made it to disk.
      assert.ok(rows.length >= acknowledged.size && rows.length <= attempted, `${rows.length} rows, ${acknowledged.size} acknowledged, ${attempted} attempted`);
      console.log(`durability: ${attempted} submitted, ${acknowledged.size} acknowledged before SIGKILL, ${rows.length} stored`);
    } finally {
      db.close();
    }
  });
});
