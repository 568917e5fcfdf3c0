/**
 * What batch sync needs beyond `dossiers.ts`: whether a history event is already stored (a batch sent again
 * must not append it twice) and the removal of a dossier entered in error, statistics kept in step.
 */
import type { DossierStatus, HistoryEvent } from '@motcua/sdk';
import { transaction, type Database } from './database.js';
import { one, run, sql } from './query.js';
import { deleteDossierRatings } from './ratings.js';
import { filingsChanged } from './search-index.js';
import { applyDossierStats, deferStats } from './stats.js';

/** What tells events apart: the moment (any offset), the action, the status and the unit. */
export function eventKey(e: HistoryEvent): string {
  return JSON.stringify([Date.parse(e.at), e.action, e.status, e.unit]);
}

/** The same event sent twice. */
export function sameEvent(a: HistoryEvent, b: HistoryEvent): boolean {
  return eventKey(a) === eventKey(b);
}

/** `history` with each event kept once, in order. */
export function distinctEvents(history: readonly HistoryEvent[]): HistoryEvent[] {
  const seen = new Set<string>();
  return history.filter((e) => {
    const key = eventKey(e);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** Whether the dossier's history already holds `event`, and its status; null when there is no such dossier. */
export async function findHistoryEvent(db: Database, code: string, event: HistoryEvent): Promise<{ found: boolean; status: DossierStatus } | null> {
  const row = await one(db, sql<{ status: DossierStatus; history: string }>`SELECT status, history FROM dossiers WHERE code = ${code}`);
  if (!row) return null;
  return { found: (JSON.parse(row.history) as HistoryEvent[]).some((e) => sameEvent(e, event)), status: row.status };
}

/** Remove a dossier, its rating and their shares of the statistics and summaries, atomically. False when there was none. */
export async function deleteDossier(db: Database, code: string): Promise<boolean> {
  filingsChanged(db);
  return transaction(db, (trx) => deferStats(trx, async () => {
    const row = await one(trx, sql<{ id: number }>`SELECT id FROM dossiers WHERE code = ${code}`);
    if (!row) return false;
    await applyDossierStats(trx, row.id, -1);
    await deleteDossierRatings(trx, code);
    await run(trx, sql`DELETE FROM dossiers WHERE id = ${row.id}`);
    return true;
  }));
}
