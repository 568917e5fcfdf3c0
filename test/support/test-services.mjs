/**
 * The services the server's tests need beside SQLite: a PostgreSQL server and a Redis server. When
 * `MOTCUA_TEST_DB` (postgres://…, a role that may create databases) or `MOTCUA_TEST_REDIS` (redis://…) is set,
 * that service is used as it is; otherwise a throwaway instance is started from Debian's packages
 * (`postgresql`, `redis-server`) on a free loopback port and removed afterwards. A missing package is an
 * error that says what to install, never a skipped test.
 *
 * Run: node test/support/test-services.mjs <command> [args…]  (the command gets both variables set)
 */
import { spawn, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

/** Thrown when a service cannot be had; the message says what to install or set. */
export class ServiceUnavailable extends Error {
  name = 'ServiceUnavailable';
}

async function freePort() {
  const server = createServer();
  await new Promise((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The newest Debian PostgreSQL server binaries (`/usr/lib/postgresql/<major>/bin`), or `$MOTCUA_PG_BIN`. */
function postgresBinaries() {
  if (process.env.MOTCUA_PG_BIN) return process.env.MOTCUA_PG_BIN;
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  const newest = majors.map(Number).filter((v) => v >= 15).sort((a, b) => b - a)[0];
  if (newest === undefined) {
    throw new ServiceUnavailable(
      'PostgreSQL 15 or newer is not installed: apt-get install -y postgresql (Debian), ' +
        'or set MOTCUA_TEST_DB=postgres://user@host:port/database (a role that may create databases)',
    );
  }
  return join(root, String(newest), 'bin');
}

/** Run as this user, or, as root (CI), as Debian's `postgres` user: PostgreSQL refuses to run as root. */
function serverUser() {
  if (process.getuid?.() !== 0) return {};
  try {
    return {
      uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
      gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
    };
  } catch {
    throw new ServiceUnavailable('running as root and there is no "postgres" user: apt-get install -y postgresql');
  }
}

function exited(child) {
  return new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** Wait until `ready()` is true, or fail with what the process printed. */
async function waitFor(what, child, output, ready, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (child.exitCode !== null) throw new ServiceUnavailable(`${what} exited (${child.exitCode}):\n${output.join('')}`);
    if (Date.now() > deadline) throw new ServiceUnavailable(`${what} not ready in ${timeoutMs} ms:\n${output.join('')}`);
    await sleep(100);
  }
}

/**
 * A throwaway PostgreSQL cluster: C locale (text sorts byte-wise, as in SQLite), trust authentication on
 * 127.0.0.1 only, and no fsync (its data is thrown away; durability is SQLite's and the server's own test).
 * `dataDir`: a cluster kept in that folder instead (created on first use, not removed by `stop`) with the
 * durable defaults and memory settings of a database server, for benchmarks whose data takes minutes to load.
 * @param {{ dataDir?: string }} [options]
 */
export async function startPostgres({ dataDir = undefined } = {}) {
  if (process.env.MOTCUA_TEST_DB && !dataDir) return { url: process.env.MOTCUA_TEST_DB, stop: async () => {} };
  const bin = postgresBinaries();
  const user = serverUser();
  const kept = dataDir !== undefined;
  const dir = kept ? dataDir : mkdtempSync(join(tmpdir(), 'motcua-pg-'));
  if (kept) mkdirSync(dir, { recursive: true });
  if (user.uid !== undefined) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  if (!existsSync(join(data, 'PG_VERSION'))) {
    try {
      execFileSync(join(bin, 'initdb'), ['-D', data, '-U', 'motcua', '--auth=trust', '--encoding=UTF8', '--locale=C'], {
        ...user,
        stdio: ['ignore', 'ignore', 'pipe'],
      });
    } catch (error) {
      rmSync(kept ? data : dir, { recursive: true, force: true });
      throw new ServiceUnavailable(`initdb failed: ${error.stderr ?? error.message}`);
    }
  }
  const port = await freePort();
  const settings = kept
    ? ['shared_buffers=2GB', 'effective_cache_size=12GB', 'work_mem=32MB', 'maintenance_work_mem=1GB', 'max_wal_size=8GB', 'max_connections=200']
    : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=200'];
  const child = spawn(join(bin, 'postgres'), ['-D', data, '-k', dir, '-h', '127.0.0.1', '-p', String(port), ...settings.flatMap((s) => ['-c', s])], {
    ...user,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = [];
  child.stdout.on('data', (b) => output.push(String(b)));
  child.stderr.on('data', (b) => output.push(String(b)));
  const stop = async () => {
    child.kill('SIGINT'); // fast shutdown: roll back open transactions, close connections
    await exited(child);
    if (!kept) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const isReady = join(bin, 'pg_isready');
    await waitFor('postgres', child, output, async () => {
      try {
        execFileSync(isReady, ['-q', '-h', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `postgres://motcua@127.0.0.1:${port}/postgres`, stop };
}

/**
 * A throwaway Redis server: nothing saved to disk, loopback only. `own`: one of its own even when
 * `MOTCUA_TEST_REDIS` is set (a test that stops it); `port`: on that port (a test that starts it again).
 */
export async function startRedis({ own = false, port = undefined } = {}) {
  if (process.env.MOTCUA_TEST_REDIS && !own) return { url: process.env.MOTCUA_TEST_REDIS, stop: async () => {} };
  port ??= await freePort();
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const spawned = new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  try {
    await spawned;
  } catch (error) {
    throw new ServiceUnavailable(
      error.code === 'ENOENT'
        ? 'redis-server is not installed: apt-get install -y redis-server (Debian), or set MOTCUA_TEST_REDIS=redis://host:port'
        : `redis-server did not start: ${error.message}`,
    );
  }
  const output = [];
  child.stdout.on('data', (b) => output.push(String(b)));
  child.stderr.on('data', (b) => output.push(String(b)));
  const stop = async () => {
    child.kill('SIGCONT'); // a test may have paused it (SIGSTOP): a stopped process would not act on SIGTERM
    child.kill('SIGTERM');
    await exited(child);
  };
  try {
    await waitFor('redis-server', child, output, async () => output.join('').includes('Ready to accept connections'));
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, port, pid: child.pid, stop };
}

/** Run `command` with `MOTCUA_TEST_DB` and `MOTCUA_TEST_REDIS` set; resolves to its exit code. */
export async function runWithServices(command, args) {
  const services = [];
  const stopAll = () => Promise.all(services.map((s) => s.stop()));
  try {
    const postgres = await startPostgres();
    services.push(postgres);
    const redis = await startRedis();
    services.push(redis);
    const child = spawn(command, args, {
      stdio: 'inherit',
      env: { ...process.env, MOTCUA_TEST_DB: postgres.url, MOTCUA_TEST_REDIS: redis.url },
    });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward).on('SIGTERM', forward);
    const code = await new Promise((resolve) => child.once('exit', (c, signal) => resolve(c ?? (signal ? 1 : 0))));
    process.off('SIGINT', forward).off('SIGTERM', forward);
    return code;
  } finally {
    await stopAll();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  if (!command) {
    console.error('usage: node test/support/test-services.mjs <command> [args…]');
    process.exit(2);
  }
  try {
    process.exitCode = await runWithServices(command, args);
  } catch (error) {
    console.error(error instanceof ServiceUnavailable ? `test services: ${error.message}` : error);
    process.exitCode = 1;
  }
}
