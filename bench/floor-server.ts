/**
 * The floor server of DESIGN.md "Budgets": bare Fastify answering `GET /v1/dossiers/:code` with the one SELECT
 * the reference server's lookup runs (packages/server/src/db/dossiers.ts `lookupDossier`) on the same
 * database, and the same JSON body, with nothing else: no validation, no rate limit, no headers of ours, no
 * logging. bench/server.ts runs it in its own process beside the reference server and reports their ratio.
 * SQLite: better-sqlite3, read-only, one prepared statement. PostgreSQL (`--db postgres://…`): one `pg` pool,
 * as many connections as the reference server's (10).
 *
 * Run: node --import tsx bench/floor-server.ts --db <sqlite path | postgres url>; prints `floor-ready {"url"}`.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';

export const FLOOR_READY = 'floor-ready ';

// Keep in step with LOOKUP_COLUMNS in packages/server/src/db/dossiers.ts: the floor must run the same query
// (the factor hashes included, which the reference server reads for verification and does not send).
const LOOKUP = `
  SELECT d.code, d.national_code, d.procedure_code, d.procedure_name, d.status, d.received_at, d.appointment_at,
         d.finished_at, d.returned_at, d.applicant_masked, d.phone_hash, d.id_hash, d.history,
         o.id AS office_id, o.name AS office_name, d.unit_code,
         (SELECT u.full_name FROM units u WHERE u.code = d.unit_code
           ORDER BY u.valid_to IS NOT NULL, u.valid_to DESC LIMIT 1) AS unit_name,
         CASE WHEN EXISTS (SELECT 1 FROM ratings r WHERE r.target_type = 'dossier' AND r.dossier_code = d.code)
           THEN 1 ELSE 0 END AS rated
    FROM dossiers d LEFT JOIN offices o ON o.id = d.office_id
   WHERE d.code = `;

interface Row {
  code: string;
  national_code: string | null;
  procedure_code: string;
  procedure_name: string;
  status: string;
  received_at: string;
  appointment_at: string | null;
  finished_at: string | null;
  returned_at: string | null;
  applicant_masked: string;
  history: string;
  office_id: string | null;
  office_name: string | null;
  unit_code: string | null;
  unit_name: string | null;
  rated: number;
}

/** The body the reference server sends for a dossier (its DossierView), built from the row as it does. */
function view(row: Row) {
  return {
    code: row.code,
    nationalCode: row.national_code,
    procedure: { code: row.procedure_code, name: row.procedure_name },
    status: row.status,
    receivedAt: row.received_at,
    appointmentAt: row.appointment_at,
    finishedAt: row.finished_at,
    returnedAt: row.returned_at,
    applicant: row.applicant_masked,
    office: row.office_id && row.office_name ? { id: row.office_id, name: row.office_name } : null,
    unit: row.unit_code && row.unit_name ? { code: row.unit_code, name: row.unit_name } : null,
    history: JSON.parse(row.history) as unknown,
    rated: Number(row.rated) === 1,
  };
}

/** One row by code, on the engine `location` names. */
function openLookup(location: string): { find(code: string): Promise<Row | undefined>; close(): Promise<void> } {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    const pool = new pg.Pool({ connectionString: location, max: 10, application_name: 'motcua-floor' });
    // A connection the database ends (it was stopped under the bench) is reported, not an unhandled 'error'.
    pool.on('error', (error) => console.error(`floor server: ${error.message}`));
    return {
      find: async (code) => (await pool.query<Row>({ name: 'floor-lookup', text: `${LOOKUP}$1`, values: [code] })).rows[0],
      close: () => pool.end(),
    };
  }
  const db = new BetterSqlite3(location, { readonly: true });
  const statement = db.prepare<[string], Row>(`${LOOKUP}?`);
  return {
    find: async (code) => statement.get(code),
    close: async () => void db.close(),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { db: { type: 'string' }, port: { type: 'string' } } });
  if (!values.db) throw new Error('usage: floor-server.ts --db <sqlite path | postgres url> [--port 0]');
  const lookup = openLookup(values.db);
  const app = Fastify();
  app.get<{ Params: { code: string } }>('/v1/dossiers/:code', async (request, reply) => {
    const row = await lookup.find(request.params.code);
    if (!row) return reply.code(404).send({ code: 'dossier_not_found' });
    return view(row);
  });
  const url = await app.listen({ port: Number(values.port ?? 0), host: '127.0.0.1' });
  const stop = async () => {
    await app.close();
    await lookup.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  process.once('disconnect', () => void stop()); // the bench is gone (it gives this process an IPC channel)
  process.stdout.write(`${FLOOR_READY}${JSON.stringify({ url })}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
