/**
 * Load benchmark of the reference server on 127.0.0.1 (not a pass/fail test). Prints p50/p95/p99 latency and
 * throughput for the three targets of DESIGN.md:
 *   - dossier lookup: p99 ≤ 5 ms at a fixed 1,000 req/s over real dossier codes;
 *   - procedure search: p95 ≤ 10 ms over the real catalogue, a mix of queries as citizens type them;
 *   - statistics: ≤ 20 ms over a year of 250,000 dossiers (province, unit, office scopes).
 *
 * and, for lookups, the ratio to a floor server (bench/floor-server.ts: bare Fastify and the same SELECT on the
 * same database), whose throughput the reference server's must reach half of.
 *
 * The server runs in its own process (test/support/reference-server.mjs: production settings, rate limits
 * raised) over a database with the full demo seed, the floor server in another. Fixed-rate phases use few
 * connections: autocannon fires all connections of a rate-limited run at the same instant, so many connections
 * measure the queue of that artificial burst, not the server. Lookup phases alternate reference, floor,
 * reference, floor over the same codes, and each server's row is the median of its two runs (so a burst of
 * load from elsewhere on the machine weighs on both). The SQLite seed is made once in the system's temp folder
 * and reused by later runs (`--fresh` makes a new one); `--db postgres://…` runs both servers on that
 * PostgreSQL database instead (seeded by the reference server on its first start, about a minute). Each phase
 * is bounded in time; the measurement takes about 100 s.
 *
 * Run: node --conditions=source --import tsx bench/server.ts [--fresh] [--duration 10] [--db <path | postgres url>]
 * On a throwaway PostgreSQL: node test/support/test-services.mjs sh -c \
 *   'npm run bench:server -- --db "${MOTCUA_TEST_DB%/*}/motcua_bench"'
 */
import { mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { fold } from '@motcua/sdk';
import { FLOOR_READY } from './floor-server.js';
import { phase, printPhases, type PhaseResult } from './load-phase.js';
import { startProcess, startReferenceServer } from '../test/support/reference-server.mjs';

/** Typical queries as citizens type them: with and without diacritics, half-typed, codes, with filters. */
const TYPICAL_SEARCHES = [
  'q=dang ky khai sinh', 'q=đăng ký khai sinh', 'q=khai sinh', 'q=khai si', 'q=kết hôn', 'q=ket hon',
  'q=1.001193', 'q=1.0008', 'q=chung thuc ban sao', 'q=chứng thực', 'q=dang ky thuong tru', 'q=tam tru',
  'q=giay phep xay dung', 'q=cap doi giay chung nhan quyen su dung dat', 'q=dat dai', 'q=ho kinh doanh',
  'q=thanh lap doanh nghiep', 'q=ly lich tu phap', 'q=khai tu', 'q=giam ho', 'q=tro cap', 'q=bao tro xa hoi',
  'q=thu tuc', 'q=cap lai', 'q=giấy phép lái xe', 'q=xac nhan tinh trang hon nhan', 'q=nuoi con nuoi',
  'q=khai sinh&level=commune', 'q=dat&field=dat-dai', 'level=province&online=full', 'q=d', 'q=đăng ký&limit=50',
].map((q) => `/v1/procedures?${encodeURI(q)}`);

/**
 * Many distinct queries drawn from the real procedure names (deterministic): 1–3 consecutive words, half of
 * them without diacritics, some with the last word still being typed. Distinct queries keep the server's
 * small result cache from answering most of them, so the figures are those of actual searches.
 */
function citizenQueries(names: readonly string[], count: number): string[] {
  // mulberry32: a small deterministic generator in 32-bit integer arithmetic.
  let seed = 20_190_101;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const out = new Set<string>();
  for (let attempts = 0; out.size < count && attempts < count * 20; attempts++) {
    const words = names[Math.floor(random() * names.length)]!
      .replace(/^Thủ tục /i, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    const start = Math.floor(random() * Math.max(1, words.length - 2));
    let phrase = words.slice(start, start + 1 + Math.floor(random() * 3));
    if (random() < 0.5) phrase = phrase.map(fold);
    if (random() < 0.3 && phrase.at(-1)!.length > 2) {
      phrase = [...phrase.slice(0, -1), phrase.at(-1)!.slice(0, 1 + Math.floor(random() * (phrase.at(-1)!.length - 1)))];
    }
    out.add(`/v1/procedures?q=${encodeURIComponent(phrase.join(' '))}`);
  }
  return [...out];
}

const STATS = [
  '/v1/stats', '/v1/stats?unit=06220', '/v1/stats?office=trung-tam-pvhcc-tinh', '/v1/stats?unit=05977',
  '/v1/stats?from=2026-01-01&to=2026-06-30', '/v1/stats?unit=06463&from=2026-03-01', '/v1/ratings/summary',
];

/** The median of each figure over runs of one phase (of two runs: their mean), under `name`. */
function median(name: string, runs: readonly PhaseResult[]): PhaseResult {
  const mid = (pick: (r: PhaseResult) => number) => {
    const sorted = runs.map(pick).sort((a, b) => a - b);
    const half = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[half]! : (sorted[half - 1]! + sorted[half]!) / 2;
  };
  const cpu = runs.every((r) => r.cpuPerRequest !== null) ? mid((r) => r.cpuPerRequest!) : null;
  return {
    name,
    target: runs[0]!.target,
    cpuPerRequest: cpu,
    requests: Math.round(mid((r) => r.requests)),
    rps: mid((r) => r.rps),
    p50: mid((r) => r.p50),
    p95: mid((r) => r.p95),
    p99: mid((r) => r.p99),
    max: mid((r) => r.max),
    non2xx: runs.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

interface Sample {
  total: number;
  codes: string[];
  names: string[];
}

/** Dossier codes (random, 5,000) and procedure names from the database the servers use. */
async function sample(location: string): Promise<Sample> {
  if (isPostgres(location)) {
    const client = new pg.Client({ connectionString: location });
    await client.connect();
    try {
      const count = await client.query<{ n: string }>('SELECT count(*) AS n FROM dossiers');
      const codes = await client.query<{ code: string }>('SELECT code FROM dossiers ORDER BY random() LIMIT 5000');
      const names = await client.query<{ name: string }>('SELECT name FROM procedures');
      return { total: Number(count.rows[0]!.n), codes: codes.rows.map((r) => r.code), names: names.rows.map((r) => r.name) };
    } finally {
      await client.end();
    }
  }
  const db = new BetterSqlite3(location, { readonly: true });
  try {
    return {
      total: (db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number }).n,
      codes: (db.prepare('SELECT code FROM dossiers ORDER BY random() LIMIT 5000').all() as { code: string }[]).map((r) => r.code),
      names: (db.prepare('SELECT name FROM procedures').all() as { name: string }[]).map((r) => r.name),
    };
  } finally {
    db.close();
  }
}

function isPostgres(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** A location fit to print: a PostgreSQL URL without its password. */
function shown(location: string): string {
  return location.replace(/^([a-z]+:\/\/[^:/@]*:)[^/]*@/i, '$1***@');
}

function startFloorServer(location: string) {
  return startProcess(process.execPath, ['--import', 'tsx', 'bench/floor-server.ts', '--db', location], {
    ipc: true,
    name: 'bench/floor-server.ts',
    env: { NODE_ENV: 'production' },
    ready: (line) => (line.startsWith(FLOOR_READY) ? (JSON.parse(line.slice(FLOOR_READY.length)) as { url: string }) : undefined),
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { fresh: { type: 'boolean' }, duration: { type: 'string' }, db: { type: 'string' } },
  });

  const duration = Math.min(20, Math.max(3, Number(values.duration ?? 10)));
  const dir = join(tmpdir(), 'motcua-bench');
  const location = values.db ?? join(dir, 'motcua.db');
  if (!values.db) {
    if (values.fresh) rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }

  console.log(`server: starting over ${shown(location)} (the first run seeds 250,000 dossiers)…`);
  const server = await startReferenceServer({
    dbPath: location,
    validateResponses: false,
    requestsPerMinute: 10_000_000,
    production: true,
  });
  const { url, startMs, pid: serverPid } = server;
  // After the reference server: it is the one that creates, migrates and seeds the database.
  const floor = await startFloorServer(location).catch(async (error: unknown) => {
    await server.stop();
    throw error;
  });
  const { info: { url: floorUrl }, pid: floorPid } = floor;
  try {
    console.log(`server: ${url}, ready in ${(startMs / 1000).toFixed(1)} s; floor server: ${floorUrl}`);
    console.log(`load average ${loadavg()[0]!.toFixed(2)} on ${cpus().length} CPUs`);

    const { total, codes: sampled, names } = await sample(location);
    const codes = sampled.map((code) => `/v1/dossiers/${code}`);
    const generated = citizenQueries(names, 3000);
    // Every 10th request is a typical query (repeated, so partly cached); the rest are distinct.
    const searches = generated.flatMap((q, i) => (i % 9 === 0 ? [TYPICAL_SEARCHES[(i / 9) % TYPICAL_SEARCHES.length]!, q] : [q]));
    console.log(
      `data: ${total} dossiers (${codes.length} codes sampled), ${names.length} procedures ` +
        `(${searches.length} searches, ${generated.length} distinct), ${STATS.length} statistics queries`,
    );

    // Warm-up (JIT, database caches), not measured.
    await phase('warm-up', '', url, [...codes.slice(0, 200), ...TYPICAL_SEARCHES, ...STATS], { duration: 3, connections: 4 });
    await phase('warm-up', '', floorUrl, codes.slice(0, 200), { duration: 3, connections: 4 });

    /** Reference, floor, reference, floor: the median of each server's two runs. */
    const alternating = async (name: string, target: string, options: { duration: number; connections: number; overallRate?: number }) => {
      const runs: { server: 'reference' | 'floor'; result: PhaseResult }[] = [];
      for (let round = 0; round < 2; round++) {
        runs.push({ server: 'reference', result: await phase(name, target, url, codes, { ...options, serverPid }) });
        runs.push({ server: 'floor', result: await phase(name, 'floor', floorUrl, codes, { ...options, serverPid: floorPid }) });
      }
      const of = (server: string) => runs.filter((r) => r.server === server).map((r) => r.result);
      return { reference: median(name, of('reference')), floor: median(`floor ${name}`, of('floor')), runs };
    };

    const atRate = await alternating('dossier lookup @1000/s', 'p99 ≤ 5 ms', { duration, connections: 4, overallRate: 1000 });
    const search = await phase('procedure search @200/s', 'p95 ≤ 10 ms', url, searches, { duration, connections: 2, overallRate: 200, serverPid });
    const stats = await phase('stats @50/s', '≤ 20 ms', url, STATS, { duration, connections: 2, overallRate: 50, serverPid });
    const max = await alternating('dossier lookup max', 'throughput', { duration: Math.ceil(duration / 2), connections: 20 });
    const searchMax = await phase('procedure search max', 'throughput', url, searches.slice(2100), {
      duration: Math.ceil(duration / 2),
      connections: 8,
      serverPid,
    });
    printPhases([atRate.reference, atRate.floor, search, stats, max.reference, max.floor, searchMax]);
    const ratio = max.reference.rps / max.floor.rps;
    console.log(
      `\nlookup throughput, reference / floor: ${ratio.toFixed(2)}× (${max.reference.rps.toFixed(0)} / ${max.floor.rps.toFixed(0)} req/s); ` +
        `DESIGN target ≥ 0.5×: ${ratio >= 0.5 ? 'met' : 'NOT met'}`,
    );
    console.log(
      `lookup runs in order (req/s, p99 ms): ${[...atRate.runs, ...max.runs]
        .map((r) => `${r.server} ${r.result.rps.toFixed(0)}/${r.result.p99.toFixed(2)}`)
        .join(', ')}`,
    );
    console.log(
      `engine: ${isPostgres(location) ? 'PostgreSQL (server CPU: the Node process only, not the database)' : 'SQLite'}; ` +
        `server CPU of the floor rows is the floor process's`,
    );
    console.log(`\nload average (1, 5, 15 min): ${loadavg().map((l) => l.toFixed(2)).join(', ')} on ${cpus().length} CPUs`);
  } finally {
    await floor.stop();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
