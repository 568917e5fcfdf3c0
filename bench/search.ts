/**
 * Search quality benchmark (a figure, not a pass/fail test) over the real catalogue and the public query set
 * bench/search-queries.json. For the server's ranking and, in the same run, for a naive baseline ("every
 * word as a substring of the folded name, shortest name first") it prints:
 *   - P@1: share of answerable queries whose first row is a judged answer;
 *   - off-topic: share of the first five rows (answerable queries) that are not on-topic;
 *   - junk: rows listed for queries with nothing to find (and how many such queries list any);
 *   - p50 / p95 latency of one uncached search (after a warm-up pass with another filter, as on a running server).
 * Goal (issue 11): P@1 ≥ 90 %, off-topic ≤ 10 %, no junk, p95 ≤ 10 ms.
 *
 * Run: npm run bench:search [-- --verbose] [-- --demo] [-- --engine postgres]  (--verbose lists every query the
 * ranking gets wrong; --demo also seeds the demonstration year of dossiers, so the ranking's prior is what the
 * desks file; --engine postgres runs it over a throwaway PostgreSQL, the same ranking over the other full-text index)
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { fold, tokens } from '@motcua/sdk';
import type { ProcedureSummary } from '@motcua/sdk';
import { closeDatabase, openDatabase } from '../packages/server/src/db/database.js';
import { ensureSecret } from '../packages/server/src/db/meta.js';
import { searchProcedureIds, warmUpSearch } from '../packages/server/src/db/procedure-search.js';
import { allProcedures, summariesByIds } from '../packages/server/src/db/procedures.js';
import { createFactorHasher } from '../packages/server/src/privacy/verification.js';
import { seedDatabase } from '../packages/server/src/seed-database.js';
import { startPostgres } from '../test/support/test-services.mjs';

interface JudgedQuery {
  q: string;
  class: string;
  answers?: string[];
  answerNames?: string[];
  onTopic?: { fields?: string[]; words?: string[] };
  note?: string;
}

interface Row {
  code: string;
  name: string;
  field: string | null;
}

const TOP = 5;
const { values: args } = parseArgs({
  options: {
    verbose: { type: 'boolean', default: false },
    demo: { type: 'boolean', default: false },
    engine: { type: 'string', default: 'sqlite' },
  },
});
if (args.engine !== 'sqlite' && args.engine !== 'postgres') throw new Error(`--engine sqlite or postgres, not ${args.engine}`);
const { queries } = JSON.parse(readFileSync(new URL('./search-queries.json', import.meta.url), 'utf8')) as {
  queries: JudgedQuery[];
};

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const isAnswer = (j: JudgedQuery, r: Row) => !!(j.answers?.includes(r.code) || j.answerNames?.includes(r.name));
const isOnTopic = (j: JudgedQuery, r: Row) =>
  isAnswer(j, r) ||
  !!(r.field && j.onTopic?.fields?.includes(r.field)) ||
  !!j.onTopic?.words?.some((w) => ` ${tokens(r.name).join(' ')} `.includes(` ${w} `));
const answerable = (j: JudgedQuery) => (j.answers?.length ?? 0) + (j.answerNames?.length ?? 0) > 0;

interface Figures {
  p1: number;
  offTopic: number;
  junkRows: number;
  junkQueries: number;
  p50: number;
  p95: number;
  misses: string[];
  /** Per query class: [first row right, answerable queries]. */
  byClass: Map<string, [number, number]>;
}

async function measure(search: (q: string) => Row[] | Promise<Row[]>): Promise<Figures> {
  let hits = 0;
  let shown = 0;
  let off = 0;
  let junkRows = 0;
  let junkQueries = 0;
  const times: number[] = [];
  const misses: string[] = [];
  const byClass = new Map<string, [number, number]>();
  for (const j of queries) {
    const started = performance.now();
    const rows = (await search(j.q)).slice(0, TOP);
    times.push(performance.now() - started);
    if (!answerable(j)) {
      junkRows += rows.length;
      if (rows.length > 0) {
        junkQueries++;
        misses.push(`junk  "${j.q}": ${rows.map((r) => r.code).join(', ')}`);
      }
      continue;
    }
    const tally = byClass.get(j.class) ?? [0, 0];
    byClass.set(j.class, tally);
    tally[1]++;
    if (rows[0] && isAnswer(j, rows[0])) {
      hits++;
      tally[0]++;
    } else misses.push(`miss  "${j.q}" [${j.class}]: ${rows[0] ? `${rows[0].code} ${rows[0].name.slice(0, 70)}` : '(nothing)'}`);
    shown += rows.length;
    const offTopic = rows.filter((r) => !isOnTopic(j, r));
    off += offTopic.length;
    if (offTopic.length > 0) misses.push(`off   "${j.q}": ${offTopic.map((r) => `${r.code} ${r.name.slice(0, 50)}`).join(' | ')}`);
  }
  times.sort((a, b) => a - b);
  const answered = queries.filter(answerable).length;
  return {
    p1: hits / answered,
    offTopic: shown === 0 ? 0 : off / shown,
    junkRows,
    junkQueries,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    misses,
    byClass,
  };
}

// PostgreSQL: a throwaway cluster (test/support/test-services.mjs; MOTCUA_TEST_DB names a server instead) and a
// new database in it, so candidates come from its full-text index (tsvector) instead of SQLite's FTS5.
const cluster = args.engine === 'postgres' ? await startPostgres() : null;
const db = await openDatabase(cluster ? cluster.url.replace(/\/[^/]*$/, `/motcua_search_${Date.now()}`) : ':memory:');
await seedDatabase(db, createFactorHasher(await ensureSecret(db, 'verification_secret')), { demo: args.demo, now: new Date() });
await warmUpSearch(db);
// Warm the JIT on the same code paths without filling the result cache for the measured keys (another filter).
for (const j of queries) await searchProcedureIds(db, { q: j.q, level: 'central' });

const ranked = await measure(async (q) =>
  (await summariesByIds(db, (await searchProcedureIds(db, { q })).slice(0, TOP))).map((s: ProcedureSummary) => ({
    code: s.code,
    name: s.name,
    field: s.field?.id ?? null,
  })),
);

const catalogue = (await allProcedures(db)).map((p) => ({ code: p.code, name: p.name, field: p.field?.id ?? null, folded: fold(p.name) }));
const naive = await measure((q) => {
  const words = fold(q).split(' ').filter(Boolean);
  return catalogue
    .filter((p) => words.length > 0 && words.every((w) => p.folded.includes(w)))
    .sort((a, b) => a.name.length - b.name.length || (a.code < b.code ? -1 : 1));
});

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const answerableCount = queries.filter(answerable).length;
console.log(
  `${args.engine === 'postgres' ? 'PostgreSQL' : 'SQLite'}: ${queries.length} queries (${answerableCount} answerable, ` +
    `${queries.length - answerableCount} with nothing to find), ${catalogue.length} procedures` +
    (args.demo ? ', prior from the demonstration dossiers' : ', no dossiers (no prior)'),
);
console.log('');
console.log('                 P@1       off-topic (top 5)   junk rows (queries)   p50 ms   p95 ms');
for (const [label, f] of [['ranking', ranked], ['naive baseline', naive]] as const) {
  console.log(
    `${label.padEnd(16)} ${pct(f.p1).padEnd(9)} ${pct(f.offTopic).padEnd(19)} ${`${f.junkRows} (${f.junkQueries})`.padEnd(21)} ${f.p50.toFixed(2).padEnd(8)} ${f.p95.toFixed(2)}`,
  );
}
console.log('\nP@1 by class        ranking   naive');
for (const [cls, [hit, n]] of ranked.byClass) {
  const [naiveHit] = naive.byClass.get(cls)!;
  console.log(`  ${`${cls} (${n})`.padEnd(18)} ${pct(hit / n).padEnd(9)} ${pct(naiveHit / n)}`);
}
console.log('\ngoal: P@1 ≥ 90 %, off-topic ≤ 10 %, no junk, p95 ≤ 10 ms');
if (args.verbose) console.log(`\nwhere the ranking falls short:\n${ranked.misses.join('\n')}`);
await closeDatabase(db);
await cluster?.stop();
