/**
 * The reference server for the stories: the real API (Fastify + SQLite) in a child process, on a fresh demo
 * database, exactly as `motcua-server` runs (from source through tsx). Its demo dossiers cover every status
 * (packages/server/src/seed/demo-dossiers.ts). Generous rate limits: stories and their tests look up often.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages/server/src/cli.ts');

/** Environment variable carrying the API's URL from the Vitest config to its global setup (same process). */
export const API_ENV = 'MOTCUA_STORYBOOK_API';

export interface ReferenceApi {
  url: string;
  stop(): Promise<void>;
}

/** A TCP port free right now on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Start the API on `port` (0: any free port) and resolve once it listens. */
export async function startReferenceApi(port = 0): Promise<ReferenceApi> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-stories-'));
  const child = spawn(
    process.execPath,
    [
      '--conditions=source', '--import', 'tsx', CLI,
      '--port', String(port), '--host', '127.0.0.1', '--db', join(dir, 'stories.db'),
      '--demo', '--demo-dossiers', '1500', '--log-level', 'warn', '--static', '', '--cdn', '',
      '--rate-global', '100000/min', '--rate-lookup', '100000/min', '--rate-ratings', '100000/min',
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If this process ends without calling stop() (Ctrl+C on `storybook dev`), take the server down with it.
  const onExit = () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const found = /\bat (http:\/\/\S+)/.exec(line);
        if (found) resolve(found[1]!.replace('//localhost:', '//127.0.0.1:'));
      });
      child.once('exit', (code) => reject(new Error(`The reference API exited with code ${code} before listening.`)));
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
