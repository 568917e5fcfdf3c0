/**
 * Dossiers and their processing history. A dossier row keeps the applicant's name only masked and the
 * verification factors only as keyed hashes; its history is a JSON array in the row (read whole with every
 * lookup, appended by ingest), and it carries the calendar days (Vietnam time) that the statistics are built
 * from, derived here in one place.
 */
import { isOpen, isSettled, vnDate } from '@motcua/sdk';
import type { DossierStatus, DossierView, HistoryEvent } from '@motcua/sdk';
import type { FactorHasher } from '../privacy/verification.js';
import type { OpenBulkTable } from './bulk-load.js';
import { transaction, type Database } from './database.js';
import { applyHistoryEvent, lastEventWhere } from './history-event.js';
import { one, run, sql } from './query.js';
import { filingsChanged } from './search-index.js';
import { applyDossierStats, deferStats } from './stats.js';
import type { StoredDossier } from './types.js';

/** A stored dossier row as read back for a lookup. */
export interface DossierRow {
  id: number;
  code: string;
  national_code: string | null;
  procedure_code: string;
  procedure_name: string;
  status: DossierStatus;
  received_at: string;
  appointment_at: string | null;
  finished_at: string | null;
  returned_at: string | null;
  applicant_masked: string;
  phone_hash: Buffer | null;
  id_hash: Buffer | null;
  office_id: string | null;
  unit_code: string | null;
  history: string;
}

/**
 * What an ingest writes: the stored dossier, with factors as plain last-4 digits (hashed here). On an update,
 * `undefined` (the masked name, a factor, the history) keeps what is stored.
 */
export type DossierWrite = Omit<StoredDossier, 'applicantMasked' | 'phoneLast4' | 'idLast4' | 'history'> & {
  applicantMasked: string | undefined;
  phoneLast4: string | null | undefined;
  idLast4: string | null | undefined;
  history: HistoryEvent[] | undefined;
};

/** Calendar day in Vietnam of an ISO timestamp (fast path for the usual +07:00 offset). */
export function vnDay(timestamp: string): string {
  return timestamp.endsWith('+07:00') ? timestamp.slice(0, 10) : vnDate(new Date(timestamp));
}

const maxDay = (a: string, b: string) => (a > b ? a : b);

/**
 * The days statistics count a dossier on. Closing: the finish (settled) or the last event that set the
 * closing status (refused, withdrawn, stopped); never before reception. On time: settled on or before the
 * appointment day (a dossier without an appointment cannot be late).
 */
export function statDays(d: Pick<StoredDossier, 'status' | 'receivedAt' | 'appointmentAt' | 'finishedAt' | 'returnedAt' | 'history'>) {
  const receivedDay = vnDay(d.receivedAt);
  const appointmentDay = d.appointmentAt ? maxDay(vnDay(d.appointmentAt), receivedDay) : null;
  const settled = isSettled(d.status);
  let closedDay: string | null = null;
  if (!isOpen(d.status)) {
    const event = lastEventWhere(d.history, (status) => status === d.status);
    const closedAt = (settled ? (d.finishedAt ?? d.returnedAt) : null) ?? event?.at ?? d.finishedAt ?? d.receivedAt;
    closedDay = maxDay(vnDay(closedAt), receivedDay);
  }
  const onTime = settled && (appointmentDay === null || (closedDay !== null && closedDay <= appointmentDay));
  return { receivedDay, appointmentDay, closedDay, settled: settled ? 1 : 0, onTime: onTime ? 1 : 0 };
}

function rowParams(d: Omit<DossierWrite, 'history'> & { history: HistoryEvent[] }, hasher: FactorHasher, now: string) {
  const days = statDays(d);
  return {
    code: d.code,
    nationalCode: d.nationalCode,
    procedureCode: d.procedureCode,
    procedureName: d.procedureName,
    status: d.status,
    receivedAt: d.receivedAt,
    appointmentAt: d.appointmentAt,
    finishedAt: d.finishedAt,
    returnedAt: d.returnedAt,
    applicantMasked: d.applicantMasked ?? '*',
    keepName: d.applicantMasked === undefined ? 1 : 0,
    phoneHash: d.phoneLast4 ? hasher.hash(d.code, d.phoneLast4) : null,
    idHash: d.idLast4 ? hasher.hash(d.code, d.idLast4) : null,
    keepPhone: d.phoneLast4 === undefined ? 1 : 0,
    keepId: d.idLast4 === undefined ? 1 : 0,
    officeId: d.officeId,
    unitCode: d.unitCode,
    history: JSON.stringify(d.history),
    ...days,
    updatedAt: now,
  };
}

type RowParams = ReturnType<typeof rowParams>;

const INSERT_COLUMNS = `code, national_code, procedure_code, procedure_name, status, received_at,
    appointment_at, finished_at, returned_at, applicant_masked, phone_hash, id_hash, office_id, unit_code, history,
    received_day, appointment_day, closed_day, settled, on_time, updated_at`;

function insertValues(p: RowParams): unknown[] {
  return [p.code, p.nationalCode, p.procedureCode, p.procedureName, p.status, p.receivedAt, p.appointmentAt, p.finishedAt,
    p.returnedAt, p.applicantMasked, p.phoneHash, p.idHash, p.officeId, p.unitCode, p.history, p.receivedDay,
    p.appointmentDay, p.closedDay, p.settled, p.onTime, p.updatedAt];
}

/** Insert one dossier row; returns its id. */
async function insertRow(db: Database, p: RowParams): Promise<number> {
  const row = await one(db, sql<{ id: number }>`INSERT INTO dossiers (${sql.raw(INSERT_COLUMNS)})
    VALUES (${sql.join(insertValues(p))}) RETURNING id`);
  return Number(row!.id);
}

/**
 * Bulk insertion (seeding), through a bulk table of the caller's transaction (db/bulk-load.ts): stores one
 * dossier with its history; statistics are left to the caller (rebuilt once at the end, much faster than
 * dossier by dossier). Await each `add` and `end` before the transaction ends.
 */
export function dossierInserter(open: OpenBulkTable, hasher: FactorHasher): { add: (d: StoredDossier) => void | Promise<void>; end: () => Promise<void> } {
  const now = new Date().toISOString();
  const table = open('dossiers', INSERT_COLUMNS);
  return { add: (d) => table.add(insertValues(rowParams(d, hasher, now))), end: table.end };
}

/**
 * Insert or update one dossier (ingest) and keep the statistics in step, atomically. When `history` is
 * given it replaces the stored history, otherwise the stored one is kept. Returns whether it was created.
 */
export async function upsertDossier(db: Database, d: DossierWrite, hasher: FactorHasher): Promise<{ created: boolean }> {
  filingsChanged(db);
  return transaction(db, (trx) => deferStats(trx, async () => {
    const existing = await one(trx, sql<{ id: number; history: string }>`SELECT id, history FROM dossiers WHERE code = ${d.code}`);
    if (!existing) {
      const history = d.history ?? [];
      const id = await insertRow(trx, rowParams({ ...d, history }, hasher, new Date().toISOString()));
      await applyDossierStats(trx, id, 1);
      return { created: true };
    }
    await updateDossier(trx, existing.id, { ...d, history: d.history ?? parseHistory(existing.history) }, hasher);
    return { created: false };
  }));
}

/** Rewrite a stored dossier (by row id) with its statistics taken out before and added back after. */
async function updateDossier(db: Database, id: number, d: DossierWrite & { history: HistoryEvent[] }, hasher: FactorHasher): Promise<void> {
  const p = rowParams(d, hasher, new Date().toISOString());
  await applyDossierStats(db, id, -1);
  await run(db, sql`UPDATE dossiers SET national_code = ${p.nationalCode}, procedure_code = ${p.procedureCode},
    procedure_name = ${p.procedureName}, status = ${p.status}, received_at = ${p.receivedAt},
    appointment_at = ${p.appointmentAt}, finished_at = ${p.finishedAt}, returned_at = ${p.returnedAt},
    applicant_masked = CASE WHEN ${p.keepName} = 1 THEN applicant_masked ELSE ${p.applicantMasked} END,
    phone_hash = CASE WHEN ${p.keepPhone} = 1 THEN phone_hash ELSE ${p.phoneHash} END,
    id_hash = CASE WHEN ${p.keepId} = 1 THEN id_hash ELSE ${p.idHash} END,
    office_id = ${p.officeId}, unit_code = ${p.unitCode}, history = ${p.history}, received_day = ${p.receivedDay},
    appointment_day = ${p.appointmentDay}, closed_day = ${p.closedDay}, settled = ${p.settled}, on_time = ${p.onTime},
    updated_at = ${p.updatedAt}
  WHERE id = ${id}`);
  await applyDossierStats(db, id, 1);
}

/** A stored history (JSON column), oldest first. */
function parseHistory(json: string): HistoryEvent[] {
  return JSON.parse(json) as HistoryEvent[];
}

/** What a lookup needs: the public view and, apart, the stored factor hashes to verify against. */
export interface DossierLookup {
  view: DossierView;
  factorHashes: [Buffer | null, Buffer | null];
}

/** A dossier row joined with its office's and unit's names, and whether it was rated. */
interface LookupRow extends Omit<DossierRow, 'id'> {
  office_name: string | null;
  unit_name: string | null;
  rated: number;
}

// One statement per lookup: the dossier, its office's and unit's names, and whether it was rated.
const LOOKUP_COLUMNS = sql.raw(`
  SELECT d.code, d.national_code, d.procedure_code, d.procedure_name, d.status, d.received_at, d.appointment_at,
         d.finished_at, d.returned_at, d.applicant_masked, d.phone_hash, d.id_hash, d.history,
         o.id AS office_id, o.name AS office_name, d.unit_code,
         (SELECT u.full_name FROM units u WHERE u.code = d.unit_code
           ORDER BY u.valid_to IS NOT NULL, u.valid_to DESC LIMIT 1) AS unit_name,
         CASE WHEN EXISTS (SELECT 1 FROM ratings r WHERE r.target_type = 'dossier' AND r.dossier_code = d.code)
           THEN 1 ELSE 0 END AS rated
    FROM dossiers d LEFT JOIN offices o ON o.id = d.office_id`);

/**
 * Look a dossier up by its (normalised) code, else by its national code. The view holds only public data:
 * masked name, no factors; the factor hashes come back separately for verification.
 */
export async function lookupDossier(db: Database, code: string): Promise<DossierLookup | null> {
  const row =
    (await one(db, sql<LookupRow>`${LOOKUP_COLUMNS} WHERE d.code = ${code}`)) ??
    (await one(db, sql<LookupRow>`${LOOKUP_COLUMNS} WHERE d.national_code = ${code} LIMIT 1`));
  if (!row) return null;
  return {
    view: {
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
      history: parseHistory(row.history),
      rated: Number(row.rated) === 1,
    },
    factorHashes: [row.phone_hash, row.id_hash],
  };
}

export type AppendResult = { ok: true; status: DossierStatus } | { ok: false; reason: 'not_found' | 'history_full' };

/** A stored row as a write that keeps its factor hashes. */
function fromRow(row: DossierRow): DossierWrite & { history: HistoryEvent[] } {
  return {
    code: row.code,
    nationalCode: row.national_code,
    procedureCode: row.procedure_code,
    procedureName: row.procedure_name,
    status: row.status,
    receivedAt: row.received_at,
    appointmentAt: row.appointment_at,
    finishedAt: row.finished_at,
    returnedAt: row.returned_at,
    applicantMasked: row.applicant_masked,
    phoneLast4: undefined,
    idLast4: undefined,
    officeId: row.office_id,
    unitCode: row.unit_code,
    history: parseHistory(row.history),
  };
}

/**
 * Append a history event to a dossier (by code) and apply what its status implies (see
 * {@link applyHistoryEvent}): one read, one write, statistics updated in the same transaction.
 */
export async function appendHistoryEvent(
  db: Database,
  code: string,
  event: HistoryEvent,
  hasher: FactorHasher,
  maxEvents = 500,
): Promise<AppendResult> {
  return transaction(db, (trx) => deferStats(trx, async (): Promise<AppendResult> => {
    const row = await one(trx, sql<DossierRow>`SELECT * FROM dossiers WHERE code = ${code}`);
    if (!row) return { ok: false, reason: 'not_found' };
    const applied = applyHistoryEvent(fromRow(row), event, maxEvents);
    if (!applied.ok) return applied;
    await updateDossier(trx, row.id, applied.dossier, hasher);
    return { ok: true, status: applied.dossier.status };
  }));
}
