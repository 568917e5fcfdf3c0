/**
 * When a demonstration dossier counts as received, read from its history.
 */
import { isReceptionDecision, type DossierStatus, type HistoryEvent } from '@motcua/sdk';

/** Whether this event is the desk's decision on the submission (accepted or not accepted). */
export function decidesReception(event: Pick<HistoryEvent, 'status'>): boolean {
  return event.status !== null && isReceptionDecision(event.status as DossierStatus);
}

/** The time the desk decided on the dossier; until it has, the time of the (online) submission. */
export function receptionTime(history: readonly HistoryEvent[]): string {
  return (history.find(decidesReception) ?? history[0]!).at;
}
