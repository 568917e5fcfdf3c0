import { DossierCodeInput, DossierView, VerificationFactor } from '../contract/index.js';
import { normalizeDossierCode } from '../dossier-code.js';
import type { RequestOptions, Transport } from './request.js';
import { get, input } from './resource.js';

export interface DossiersApi {
  /**
   * Look up a dossier by the code on its receipt (normalised first: spaces, dashes, case). `verify` is the last
   * 4 digits of the applicant's phone or ID number, needed when `meta.dossierVerification` is `required`.
   */
  get(code: string, options?: RequestOptions & { verify?: string | undefined }): Promise<DossierView>;
}

export function dossiersApi(t: Transport): DossiersApi {
  return {
    get: async (code, options = {}) => {
      const params = { code: input(DossierCodeInput, normalizeDossierCode(code), 'code') };
      const verify =
        options.verify === undefined ? undefined : input(VerificationFactor, String(options.verify).trim(), 'verify');
      return get(t, 'dossiers/{code}', DossierView, { params, query: { verify } }, options);
    },
  };
}
