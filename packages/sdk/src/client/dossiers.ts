import { DossierCodeInput, DossierView, VerificationFactor } from '../contract/index.js';
import { normalizeDossierCode } from '../normalize-dossier-code.js';
import type { RequestOptions, Transport } from './request.js';
import { get, input } from './resource.js';

/** What a lookup may carry besides the code. */
export interface LookupOptions {
  /** The last 4 digits of the applicant's phone or ID number. */
  verify?: string | undefined;
  /**
   * A solved proof-of-work challenge (`encodeSolution`), sent as `Altcha-Solution` after the server answered
   * `ChallengeRequiredError`. Each solution is accepted once.
   */
  solution?: string | undefined;
}

export interface DossiersApi {
  /**
   * Look up a dossier by the code on its receipt (normalised first: spaces, dashes, case). `verify` is the last
   * 4 digits of the applicant's phone or ID number, needed when `meta.dossierVerification` is `required`.
   */
  get(code: string, options?: RequestOptions & LookupOptions): Promise<DossierView>;
}

export function dossiersApi(t: Transport): DossiersApi {
  return {
    get: async (code, options = {}) => {
      const params = { code: input(DossierCodeInput, normalizeDossierCode(code), 'code') };
      const verify =
        options.verify === undefined ? undefined : input(VerificationFactor, String(options.verify).trim(), 'verify');
      const headers = options.solution ? { 'altcha-solution': options.solution } : undefined;
      return get(t, 'dossiers/{code}', DossierView, { params, query: { verify }, headers }, options);
    },
  };
}
