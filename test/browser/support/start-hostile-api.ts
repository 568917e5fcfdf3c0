/**
 * Starts one instance of the real reference server whose data is hostile: procedures whose every text field
 * carries an XSS payload (stored with the server's own `upsertProcedures`) and offices renamed to payloads
 * (stored with the server's own `upsertOffices`, before the server starts). Generous rate limits, so the
 * suites can submit many ratings. Prints one JSON line
 * `{ url, procedures: [{ code, payloads: number[] }], offices: [{ id, payload: number }] }`
 * and serves until SIGTERM.
 *
 * Run: node --conditions=source --import tsx test/browser/support/start-hostile-api.ts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Procedure } from '@motcua/sdk';
import { createServer, openDatabase, upsertProcedures } from '@motcua/server';
import { listOffices, upsertOffices } from '../../../packages/server/src/db/offices.js';
import { XSS_PROCEDURE } from '../../../packages/elements/test/procedure-finder.fixtures.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

const GENEROUS = { max: 100_000, windowMs: 60_000 };
/** Payloads per procedure: one per text slot of `hostileProcedure`. */
const SLOTS = 10;

/** A procedure whose text fields are the payloads `p[0..9]` (the name keeps a searchable prefix). */
function hostileProcedure(index: number, p: readonly string[]): Procedure {
  const at = (i: number) => p[i % p.length]!;
  const method = XSS_PROCEDURE.methods[0]!;
  return {
    ...XSS_PROCEDURE,
    code: `9.99999${index}.XSS`,
    name: `Kiểm thử an toàn ${index} ${at(0)}`,
    methods: [{ ...method, fees: [{ kind: 'charge', amountVnd: 8000, description: at(1) }], description: at(2) }],
    cases: [{ title: at(3), components: [{ name: at(4), originals: 1, copies: 0, required: true, forms: [] }] }],
    steps: [
      { type: 'paragraph', content: [at(5)] },
      { type: 'list', ordered: true, items: [[at(6)], [{ text: at(7), href: 'https://example.org/huong-dan' }]] },
    ],
    requirements: [{ type: 'paragraph', content: [at(8)] }],
    results: [{ type: 'paragraph', content: [at(9)] }],
    legalBasis: [{ number: `0${index}/2026/TT-KT`, title: 'Thông tư kiểm thử' }],
    applyOnlineUrl: `https://dichvucong.gov.vn/p/home/dvc-chi-tiet-thu-tuc-hanh-chinh.html?ma_thu_tuc=9.99999${index}.XSS`,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-hostile-'));
  const database = openDatabase(join(dir, 'hostile.db'));
  // createServer seeds the database (catalogue, offices, demo data); the hostile rows replace seeded ones before it listens.
  const app = await createServer({
    database,
    demo: true,
    demoDossiers: 200,
    logLevel: 'warn',
    staticRoot: null,
    cdnRoot: null,
    rateLimits: { global: GENEROUS, dossierLookup: GENEROUS, ratings: GENEROUS },
  });

  // Offices renamed to payloads, one payload each, as long as there are offices.
  const offices = listOffices(database, {});
  const renamed = offices.slice(0, XSS_PAYLOADS.length).map((o, i) => ({ ...o, name: `Bộ phận Một cửa ${XSS_PAYLOADS[i]!}` }));
  upsertOffices(database, renamed);

  // Then procedures for the payloads, SLOTS at a time (the last one wraps around).
  const procedures: { code: string; payloads: number[] }[] = [];
  for (let start = 0, index = 1; start < XSS_PAYLOADS.length; start += SLOTS, index++) {
    const numbers = Array.from({ length: SLOTS }, (_, i) => ((start + i) % XSS_PAYLOADS.length) + 1);
    const procedure = hostileProcedure(index, numbers.map((n) => XSS_PAYLOADS[n - 1]!));
    upsertProcedures(database, [{ procedure, fieldCode: null, sourceFormat: 'test' }]);
    procedures.push({ code: procedure.code, payloads: numbers });
  }

  const stop = async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const officesOut = renamed.map((o, i) => ({ id: o.id, payload: i + 1 }));
  process.stdout.write(`${JSON.stringify({ url, procedures, offices: officesOut })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
