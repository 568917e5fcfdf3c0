/**
 * Starts three instances of the real reference server for the browser tests (see api-plugin.mjs), each on a
 * fresh SQLite file seeded with the real catalogue and demo data (test/support/reference-instance.ts), then
 * feeds each the same test dossiers through the real ingest API, as a province's back office would. The `main` catalogue also gets a hostile
 * procedure (procedure-finder.fixtures.ts), stored with the server's own `upsertProcedures`. Prints, as a
 * launcher does, `{ urls: { main, strict, limited, guarded }, dossiers: { <name>: { code, verify, status, office } } }`
 * and serves until SIGTERM.
 *
 * Run: node --conditions=source --import tsx packages/elements/test/support/start-api.ts
 */
import { randomBytes } from 'node:crypto';
import { upsertProcedures } from '@motcua/server';
import type { DossierUpsert, HistoryEventInput } from '@motcua/sdk';
import { runLauncher, type InstanceOptions } from '../../../../test/support/reference-instance.js';
import { XSS_PROCEDURE } from '../procedure-finder.fixtures.js';

const DAY = 86_400_000;
const INGEST_KEY = `wtr-${randomBytes(12).toString('hex')}`;

/** An instant as Vietnam wall-clock time with its offset, e.g. `2026-02-17T08:30:00+07:00`. */
function vnIso(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, '+07:00');
}

/** `yyMMdd` of an instant in Vietnam. */
function vnYymmdd(ms: number): string {
  return vnIso(ms).slice(2, 10).replaceAll('-', '');
}

interface Fixture {
  code: string;
  /** The last 4 digits of the applicant's phone: the verification factor. */
  verify: string;
  status: number;
  office: string;
}

/** The test dossiers: one per situation the widgets must show. */
function fixtures(procedureCode: string, officeId: string): Record<string, DossierUpsert> {
  const now = Date.now();
  let sequence = 9000;
  const dossier = (
    receivedDaysAgo: number,
    status: number,
    extra: Partial<DossierUpsert> & { history?: HistoryEventInput[] },
  ): DossierUpsert => {
    const received = now - receivedDaysAgo * DAY;
    return {
      code: `000.99.20.H37-${vnYymmdd(received)}-${String(++sequence)}`,
      procedureCode,
      status,
      receivedAt: vnIso(received),
      applicant: { name: 'Nguyễn Văn An', phone: '0912 345 678' },
      officeId,
      ...extra,
    };
  };
  const at = (daysAgo: number) => vnIso(now - daysAgo * DAY);
  const settled = (): DossierUpsert =>
    dossier(20, 10, {
      appointmentAt: at(10),
      finishedAt: at(12),
      returnedAt: at(11),
      history: [
        { at: at(20), action: 'Tiếp nhận hồ sơ', unit: 'Bộ phận Một cửa', officerTitle: 'Công chức tiếp nhận', status: 2 },
        { at: at(18), action: 'Thẩm định hồ sơ', unit: 'Phòng Tư pháp', officerTitle: 'Chuyên viên', status: 4 },
        { at: at(12), action: 'Phê duyệt kết quả', unit: 'Lãnh đạo UBND', officerTitle: 'Phó Chủ tịch', status: 9 },
        { at: at(11), action: 'Trả kết quả cho công dân', unit: 'Bộ phận Một cửa', officerTitle: 'Công chức tiếp nhận', status: 10 },
      ],
    });
  return {
    settled: settled(),
    overdue: dossier(30, 4, {
      appointmentAt: at(5),
      history: [{ at: at(30), action: 'Tiếp nhận hồ sơ', unit: 'Bộ phận Một cửa', officerTitle: null, status: 2 }],
    }),
    fresh: dossier(0, 1, { appointmentAt: vnIso(now + 7 * DAY), history: [] }),
    // Waiting on the citizen: documents with a new appointment to come, fees with the old one passed.
    waiting: dossier(6, 5, { appointmentAt: vnIso(now + 3 * DAY), history: [] }),
    fees: dossier(8, 6, { appointmentAt: at(2), history: [] }),
    accepted: dossier(1, 2, { appointmentAt: vnIso(now + 4 * DAY), history: [] }),
    rated: settled(),
    rate1: settled(),
    rate2: settled(),
    rate3: settled(),
    rate4: settled(),
    rate5: settled(),
    rate6: settled(),
    rate7: settled(),
    rate8: settled(),
    rate9: settled(),
    rate10: settled(),
  };
}

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path} → ${res.status}: ${await res.text()}`);
  return res;
}

async function getJson<T>(base: string, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`);
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}`);
  return (await res.json()) as T;
}

runLauncher(async (start) => {
  const instance = (options: InstanceOptions, prepare?: Parameters<typeof start>[1]) =>
    start({ demoDossiers: 300, ingestKeys: [INGEST_KEY], ...options }, prepare).then(({ url }) => url);
  const [main, strict, limited, guarded] = await Promise.all([
    instance({}, (database) => void upsertProcedures(database, [{ procedure: XSS_PROCEDURE, fieldCode: null, sourceFormat: 'test' }])),
    instance({ verification: 'required' }),
    instance({ rateLimits: { dossierLookup: { max: 2, windowMs: 60_000 } } }),
    // The proof-of-work after 2 misses, with the default work (what citizens' browsers solve).
    instance({ lookupChallenge: { misses: 2 } }),
  ]);

  const { items: procedures } = await getJson<{ items: { code: string }[] }>(main, '/v1/procedures?limit=1');
  const { items: offices } = await getJson<{ items: { id: string }[] }>(main, '/v1/offices');
  const procedureCode = procedures[0]!.code;
  const officeId = offices[0]!.id;
  const dossiers = fixtures(procedureCode, officeId);
  const auth = { authorization: `Bearer ${INGEST_KEY}` };
  for (const base of [main, strict, limited, guarded]) {
    for (const d of Object.values(dossiers)) await post(base, '/v1/ingest/dossiers', d, auth);
    await post(base, '/v1/ratings', { target: { type: 'dossier', code: dossiers.rated!.code }, level: 'satisfied' }, {
      'idempotency-key': `wtr-setup-${randomBytes(8).toString('hex')}`,
    });
  }

  const out: Record<string, Fixture> = {};
  for (const [name, d] of Object.entries(dossiers)) {
    out[name] = { code: d.code, verify: d.applicant.phone!.replace(/\D/g, '').slice(-4), status: d.status, office: officeId };
  }
  // The key stays in the wtr plugin (its `motcua-ingest` command), never in the page.
  return { urls: { main, strict, limited, guarded }, dossiers: out, ingestKey: INGEST_KEY };
});
