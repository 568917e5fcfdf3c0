import * as z from 'zod/mini';
import { Int, List, PlausibleTimestamp as Timestamp, ProcedureCode, Slug, Text, UnitCode } from './common.js';
import { dossierRules } from './rules.js';

export const DossierStatusCode = Int().check(z.gte(1), z.lte(10));

/** Dossier codes as typed by citizens; the server normalises them (see `parseDossierCode`). */
export const DossierCodeInput = z.string().check(z.minLength(1), z.maxLength(64));

/** Last 4 digits of the applicant's phone or ID number, when the server asks for a second factor. */
export const VerificationFactor = z.string().check(z.regex(/^[0-9]{4}$/));

export const HistoryEvent = z.object({
  at: Timestamp,
  action: Text(500),
  unit: z.nullable(Text(300)),
  /** The handling officer's title (never their name). */
  officerTitle: z.nullable(Text(200)),
  /** The status the dossier entered with this event, if it changed. */
  status: z.nullable(DossierStatusCode),
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;

/** What a public lookup shows. Never ID numbers, phone numbers, e-mail or attachments. */
export const DossierView = z.object({
  code: Text(64),
  nationalCode: z.nullable(Text(64)),
  procedure: z.object({ code: ProcedureCode, name: Text(1000) }),
  status: DossierStatusCode,
  receivedAt: Timestamp,
  appointmentAt: z.nullable(Timestamp),
  finishedAt: z.nullable(Timestamp),
  returnedAt: z.nullable(Timestamp),
  /** Masked by the server, e.g. `Nguyễn V. A*`. */
  applicant: Text(200),
  office: z.nullable(z.object({ id: Slug, name: Text(300) })),
  unit: z.nullable(z.object({ code: UnitCode, name: Text(250) })),
  history: List(HistoryEvent, 500),
  /** Whether a satisfaction rating was already recorded for this dossier. */
  rated: z.boolean(),
}).check(dossierRules);
export type DossierView = z.infer<typeof DossierView>;
