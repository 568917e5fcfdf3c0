/**
 * Starting and stopping the reference server, from the side of whoever needs it: the wtr plugins, Storybook
 * and its tests, the end-to-end tests, the screenshots and the benchmarks. The server runs in a child process
 * (its own event loop, as in production); what it does in there is reference-instance.ts.
 * - `startReferenceServer(options)`: one seeded instance (demo data, generous rate limits) on 127.0.0.1;
 * - `startLauncher(file)`: a launcher of one's own (several instances, test data) built on reference-instance.ts;
 * - `startProcess(command, args, { ready })`: any command that says on stdout when it serves (`npm start`).
 * A child is taken down when the process that started it exits, even without `stop()`.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The packages from their TypeScript sources, like everywhere else in the repository. */
const FROM_SOURCE = ['--conditions=source', '--import', 'tsx'];
const SERVE = fileURLToPath(new URL('./serve-reference-server.ts', import.meta.url));
/** What a launcher prints before its JSON line (reference-instance.ts); log lines are JSON too. */
export const READY_PREFIX = 'motcua-ready ';
/** Lines of output kept to explain a child that died before it was ready. */
const TAIL_LINES = 60;

/**
 * Start `command` in the repository's root and resolve once `ready(line)` returns something for a line of its
 * stdout. Its stderr is passed through (kept only for the error message when `quiet`).
 * `detached`: the child leads a process group, and stopping it stops the whole group (`npm start` and its node).
 * `ipc`: a Node child gets an IPC channel, whose end tells it that this process is gone even when it was killed
 * (no 'exit' event here then); the channel does not keep this process alive.
 * @template T
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ ready: (line: string) => T | undefined, env?: Record<string, string>, detached?: boolean, ipc?: boolean, quiet?: boolean, name?: string }} options
 * @returns {Promise<{ info: T, pid: number, exited: Promise<{ code: number | null, signal: string | null }>, stop(): Promise<void> }>}
 */
export async function startProcess(command, args, { ready, env = {}, detached = false, ipc = false, quiet = false, name = command }) {
  const stdio = ['ignore', 'pipe', 'pipe', ...(ipc ? ['ipc'] : [])];
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, detached, stdio });
  child.channel?.unref();
  const output = [];
  const keep = (text) => {
    output.push(text);
    if (output.length > TAIL_LINES) output.shift();
  };
  child.stderr.on('data', (chunk) => {
    keep(String(chunk));
    if (!quiet) process.stderr.write(chunk);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = () => {
    if (!running()) return;
    if (detached) process.kill(-child.pid, 'SIGTERM');
    else child.kill('SIGTERM');
  };
  process.once('exit', kill);
  const stop = async () => {
    process.off('exit', kill);
    if (!running()) return;
    kill();
    await exited;
  };
  try {
    const info = await new Promise((resolve, reject) => {
      createInterface({ input: child.stdout }).on('line', (line) => {
        keep(line);
        const value = ready(line);
        if (value !== undefined) resolve(value);
      });
      child.once('error', reject);
      child.once('exit', (code, signal) =>
        reject(new Error(`${name} exited (${signal ?? `code ${code}`}) before it was ready:\n${output.join('\n').slice(-4000)}`)),
      );
    });
    return { info, pid: child.pid, exited, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Run a TypeScript launcher (built with reference-instance.ts `runLauncher`) from source; resolves with the
 * JSON it prints once it serves.
 * @param {string} file
 * @param {readonly string[]} [args]
 * @param {{ env?: Record<string, string> }} [options]
 */
export function startLauncher(file, args = [], options = {}) {
  return startProcess(process.execPath, [...FROM_SOURCE, file, ...args], {
    ...options,
    ipc: true,
    name: file.replace(ROOT, ''),
    ready: (line) => (line.startsWith(READY_PREFIX) ? JSON.parse(line.slice(READY_PREFIX.length)) : undefined),
  });
}

/**
 * One reference server on 127.0.0.1, seeded with the real catalogue and demo data, on a fresh temporary
 * database unless `dbPath` is given; see `InstanceOptions` in reference-instance.ts. `production: true` runs it
 * with NODE_ENV=production (no response validation), as the benchmarks measure it.
 * @param {import('./reference-instance.js').InstanceOptions & { production?: boolean }} [options]
 * @returns {Promise<{ url: string, startMs: number, pid: number, stop(): Promise<void> }>}
 */
export async function startReferenceServer({ production = false, ...options } = {}) {
  const { info, pid, stop } = await startLauncher(SERVE, [JSON.stringify(options)], {
    env: production ? { NODE_ENV: 'production' } : {},
  });
  return { url: info.url, startMs: info.startMs, pid, stop };
}

/** A TCP port free right now on 127.0.0.1 (for a caller that must know it before the server starts). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}
