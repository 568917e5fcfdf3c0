/**
 * One measured phase of HTTP load on a server in another process (autocannon): every response's latency, the
 * percentiles, and the server's own CPU time per request from /proc (what the latency would be without
 * waiting for a CPU on a busy machine). Shared by the server benchmarks.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** CPU seconds (user + system) used so far by a process, from /proc on Linux; null elsewhere. */
export function cpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return null;
  }
}

export interface PhaseResult {
  name: string;
  target: string;
  /** Server CPU time per request (ms). */
  cpuPerRequest: number | null;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  non2xx: number;
}

export interface PhaseOptions {
  duration: number;
  connections: number;
  /** Requests per second over all connections (fixed rate); none: as fast as the server answers. */
  overallRate?: number;
  serverPid?: number;
}

/** Send GETs of `paths` in turn to `url` for `options.duration` seconds and measure them. */
export async function phase(name: string, target: string, url: string, paths: readonly string[], options: PhaseOptions): Promise<PhaseResult> {
  let i = 0;
  const cpuBefore = cpuSeconds(options.serverPid);
  const latencies: number[] = [];
  const instance = autocannon({
    url,
    duration: options.duration,
    connections: options.connections,
    ...(options.overallRate ? { overallRate: options.overallRate } : {}),
    timeout: 10,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length]! }) }],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => void latencies.push(responseTime));
  const result = await instance;
  const cpuAfter = cpuSeconds(options.serverPid);
  latencies.sort((a, b) => a - b);
  return {
    name,
    target,
    cpuPerRequest: cpuBefore !== null && cpuAfter !== null && latencies.length ? ((cpuAfter - cpuBefore) * 1000) / latencies.length : null,
    requests: latencies.length,
    rps: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

/** A plain-text table, columns padded to their widest cell. */
export function printTable(head: readonly string[], rows: readonly string[][]): void {
  const widths = head.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padEnd(widths[c]!)).join('  ');
  console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

/** The results as a table: one row per phase. */
export function printPhases(results: readonly PhaseResult[]): void {
  printTable(
    ['phase', 'target', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'server CPU ms/req'],
    results.map((r) => [
      r.name, r.target, String(r.requests), r.rps.toFixed(0), r.p50.toFixed(2), r.p95.toFixed(2), r.p99.toFixed(2),
      r.max.toFixed(1), String(r.non2xx), r.cpuPerRequest === null ? '?' : r.cpuPerRequest.toFixed(2),
    ]),
  );
}
