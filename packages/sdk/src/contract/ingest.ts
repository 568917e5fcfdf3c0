import * as z from 'zod/mini';
import { List, PlausibleTimestamp as Timestamp, ProcedureCode, Slug, Text, UnitCode } from './common.js';
import { dossierRules } from './rules.js';
import { DossierCodeInput, DossierStatusCode } from './dossier.js';

/** Back-office push of a history event (authenticated by API key). */
export const HistoryEventInput = z.object({
  at: Timestamp,
  action: Text(500),
  unit: z.optional(z.nullable(Text(300))),
  officerTitle: z.optional(z.nullable(Text(200))),
  status: z.optional(z.nullable(DossierStatusCode)),
});
export type HistoryEventInput = z.infer<typeof HistoryEventInput>;

/**
 * Back-office upsert of a dossier. The server stores the applicant's name only masked, and of the phone and
 * ID numbers only a keyed hash of their last 4 digits (the lookup's second factor).
 */
export const DossierUpsert = z.object({
  code: DossierCodeInput,
  nationalCode: z.optional(z.nullable(Text(64))),
  procedureCode: ProcedureCode,
  procedureName: z.optional(Text(1000)),
  status: DossierStatusCode,
  receivedAt: Timestamp,
  appointmentAt: z.optional(z.nullable(Timestamp)),
  finishedAt: z.optional(z.nullable(Timestamp)),
  returnedAt: z.optional(z.nullable(Timestamp)),
  applicant: z.object({
    /** Absent on an update: the stored (masked) name is kept; absent on creation: no name is known (`*`). */
    name: z.optional(Text(200)),
    phone: z.optional(z.string().check(z.regex(/^\+?[0-9 .-]{4,20}$/))),
    idNumber: z.optional(z.string().check(z.regex(/^[0-9A-Za-z]{4,20}$/))),
  }),
  officeId: z.optional(z.nullable(Slug)),
  unitCode: z.optional(z.nullable(UnitCode)),
  history: z.optional(List(HistoryEventInput, 500)),
}).check(dossierRules);
export type DossierUpsert = z.infer<typeof DossierUpsert>;
