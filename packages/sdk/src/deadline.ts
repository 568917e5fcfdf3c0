/**
 * Who holds a dossier, and so whether it can be overdue: the one rule the lookup's badge and the server's
 * statistics both apply (DOMAIN.md, "Overdue is not a status").
 *
 * - The agency holds it (2 accepted, 4 in progress): it owes an answer by the appointment and becomes overdue
 *   the day after.
 * - Settled (9, 10): on time, early or late, from the finish date; late means it was overdue until it closed.
 * - The citizen holds it (5 documents requested, 6 fees to pay): never overdue; a new appointment follows.
 * - Submitted, not yet accepted (1): no appointment is owed yet. Refused (3), withdrawn (7), stopped (8): never.
 */
import { isSettled, type DossierStatus } from './status.js';
import { addDays } from './time.js';
import { dossierTiming, type DossierTiming } from './timing.js';

/** True while the agency holds the dossier and owes an answer by the appointment: accepted (2), in progress (4). */
export function agencyHolds(status: DossierStatus): boolean {
  return status === 2 || status === 4;
}

/** True while the dossier waits for the citizen: documents to bring (5) or fees to pay (6). */
export function awaitsCitizen(status: DossierStatus): boolean {
  return status === 5 || status === 6;
}

/**
 * Whether the dossier counts as received in statistics: not a submission still waiting for the desk's
 * decision (1), nor one refused at intake (3).
 */
export function countsAsReceived(status: DossierStatus): boolean {
  return status !== 1 && status !== 3;
}

/** Whether a dossier in this status can be (or have been) overdue: the agency holds it, or it was settled. */
export function canBeOverdue(status: DossierStatus): boolean {
  return agencyHolds(status) || isSettled(status);
}

export interface DeadlineInput {
  status: DossierStatus;
  /** Appointment (ngày hẹn trả): `'YYYY-MM-DD'` or an ISO date-time; none → no deadline. */
  appointment: string | Date | null | undefined;
  /** Finish date of a settled dossier (processed, else returned). */
  finished?: string | Date | null | undefined;
  /** Reference instant for a dossier the agency holds; defaults to now. */
  now?: Date | undefined;
}

/**
 * The on-time state of a dossier as the citizen should read it, or `null` when none applies: early, on time
 * or late for a settled one (9, 10); on track or overdue while the agency holds it (2, 4); nothing for 1, 3,
 * 5, 6, 7, 8 or without an appointment. Throws `RangeError` for an unreadable date.
 */
export function dossierDeadline({ status, appointment, finished, now }: DeadlineInput): DossierTiming | null {
  if (!appointment || !canBeOverdue(status)) return null;
  if (isSettled(status)) return finished ? dossierTiming({ appointment, finished }) : null;
  return dossierTiming({ appointment, now });
}

/**
 * The Vietnam calendar days on which a dossier counts as overdue in statistics: from the day after its
 * appointment, until (excluding) the day it closed, or open-ended while the agency still holds it. `null` when
 * it never was: no appointment, waiting on the citizen, refused, withdrawn, stopped, or settled in time.
 * Days are `YYYY-MM-DD`.
 */
export function overdueDays(
  status: DossierStatus,
  appointmentDay: string | null,
  closedDay: string | null,
): { from: string; until: string | null } | null {
  if (!appointmentDay || !canBeOverdue(status)) return null;
  const from = addDays(appointmentDay, 1);
  if (isSettled(status)) return closedDay && closedDay > appointmentDay ? { from, until: closedDay } : null;
  return { from, until: null };
}
