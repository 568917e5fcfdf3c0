import * as z from 'zod/mini';
import { Text, UnitCode } from './common.js';

/** What a deployment serves and requires: widgets read it to decide, e.g., whether to ask for a second factor. */
export const ServiceInfo = z.object({
  apiVersion: z.literal('v1'),
  province: z.object({ code: UnitCode, name: Text(250) }),
  /** `required`: a dossier lookup needs the last 4 digits of the applicant's phone or ID number. */
  dossierVerification: z.literal(['off', 'required']),
  /** True when the data (dossiers, office contacts) is demonstration data. */
  demo: z.boolean(),
});
export type ServiceInfo = z.infer<typeof ServiceInfo>;
