/**
 * A dossier's history as pure functions (the database reads and writes are in `dossiers.ts`). Appending an
 * event: its status becomes the dossier's, settling sets the finish time if unset, returning
 * the result sets the return time (and the finish time if unset), and an open status clears both, since the
 * dossier is being processed again.
 */
import { isOpen, isReturned, isSettled, type DossierStatus, type HistoryEvent } from '@motcua/sdk';
import type { StoredDossier } from './types.js';

/** The part of a dossier an event can change. */
export type EventTarget = Pick<StoredDossier, 'status' | 'finishedAt' | 'returnedAt' | 'history'>;

export type EventOutcome<T> = { ok: true; dossier: T } | { ok: false; reason: 'history_full' };

/** The dossier after `event`, or `history_full` when it already holds `maxEvents` events. */
export function applyHistoryEvent<T extends EventTarget>(dossier: T, event: HistoryEvent, maxEvents: number): EventOutcome<T> {
  if (dossier.history.length >= maxEvents) return { ok: false, reason: 'history_full' };
  const history = [...dossier.history, event];
  // The contract admits only the codes 1–10 in an event.
  const status = event.status as DossierStatus | null;
  if (status === null) return { ok: true, dossier: { ...dossier, history } };
  let { finishedAt, returnedAt } = dossier;
  if (isSettled(status)) finishedAt ??= event.at;
  if (isReturned(status)) returnedAt ??= event.at;
  if (isOpen(status)) {
    finishedAt = null;
    returnedAt = null;
  }
  return { ok: true, dossier: { ...dossier, status, finishedAt, returnedAt, history } };
}

/** The last event of `history` that set a status passing `test` (the latest settling event, say), if any. */
export function lastEventWhere(history: readonly HistoryEvent[], test: (status: DossierStatus) => boolean): HistoryEvent | undefined {
  for (let i = history.length - 1; i >= 0; i--) {
    const event = history[i]!;
    if (event.status !== null && test(event.status as DossierStatus)) return event;
  }
  return undefined;
}
