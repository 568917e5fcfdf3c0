/**
 * What the database stores for dossiers and ratings, as the rest of the server hands it over.
 */
import type { DossierStatus, HistoryEvent, RatingIndicator, RatingLevel } from '@motcua/sdk';

/** A dossier as stored: the public view's fields plus what lookup verification needs. */
export interface StoredDossier {
  code: string;
  nationalCode: string | null;
  procedureCode: string;
  procedureName: string;
  status: DossierStatus;
  /** ISO timestamps with +07:00 offset. */
  receivedAt: string;
  appointmentAt: string | null;
  finishedAt: string | null;
  returnedAt: string | null;
  /** Already masked: the full name is never stored. */
  applicantMasked: string;
  /** Last 4 digits of the applicant's phone and ID number, for the optional second factor (hashed when stored). */
  phoneLast4: string | null;
  idLast4: string | null;
  officeId: string | null;
  unitCode: string | null;
  history: HistoryEvent[];
}

export interface StoredRating {
  target: { type: 'dossier'; code: string } | { type: 'office'; id: string };
  level: RatingLevel;
  comment: string | null;
  indicators: Partial<Record<RatingIndicator, 0 | 1 | 2>> | null;
  createdAt: string;
}
