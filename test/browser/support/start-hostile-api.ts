/**
 * Starts one instance of the real reference server whose data is hostile: procedures whose every text field
 * carries an XSS payload (stored with the server's own `upsertProcedures`) and offices renamed to payloads
 * (stored with the server's own `upsertOffices`, before the server starts). Generous rate limits (the default of
 * test/support/reference-instance.ts), so the suites can submit many ratings. Prints, as a launcher does,
 * `{ url, procedures: [{ code, payloads: number[] }], offices: [{ id, payload: number }] }`
 * and serves until SIGTERM.
 *
 * Run: node --conditions=source --import tsx test/browser/support/start-hostile-api.ts
 */
import type { Office, Procedure } from '@motcua/sdk';
import { upsertProcedures } from '@motcua/server';
import { listOffices, upsertOffices } from '../../../packages/server/src/db/offices.js';
import { XSS_PROCEDURE } from '../../../packages/elements/test/procedure-finder.fixtures.js';
import { runLauncher } from '../../support/reference-instance.js';
import { XSS_PAYLOADS } from './xss-payloads.js';

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

runLauncher(async (start) => {
  let renamed: Office[] = [];
  const procedures: { code: string; payloads: number[] }[] = [];
  // Seeded as usual (catalogue, offices, demo data); the hostile rows replace seeded ones before it listens.
  const { url } = await start({ demoDossiers: 200 }, async (database) => {
    // Offices renamed to payloads, one payload each, as long as there are offices.
    const offices = await listOffices(database, {});
    renamed = offices.slice(0, XSS_PAYLOADS.length).map((o, i) => ({ ...o, name: `Bộ phận Một cửa ${XSS_PAYLOADS[i]!}` }));
    await upsertOffices(database, renamed);

    // Then procedures for the payloads, SLOTS at a time (the last one wraps around).
    for (let first = 0, index = 1; first < XSS_PAYLOADS.length; first += SLOTS, index++) {
      const numbers = Array.from({ length: SLOTS }, (_, i) => ((first + i) % XSS_PAYLOADS.length) + 1);
      const procedure = hostileProcedure(index, numbers.map((n) => XSS_PAYLOADS[n - 1]!));
      await upsertProcedures(database, [{ procedure, fieldCode: null, sourceFormat: 'test' }]);
      procedures.push({ code: procedure.code, payloads: numbers });
    }
  });
  return { url, procedures, offices: renamed.map((o, i) => ({ id: o.id, payload: i + 1 })) };
});
