import * as z from 'zod/mini';
import { RatingReceipt, RatingSubmission, RatingSummary, ScopeQuery } from '../contract/index.js';
import { normalizeDossierCode } from '../normalize-dossier-code.js';
import { send, type RequestOptions, type Transport } from './request.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { get, input } from './resource.js';

export interface RatingsApi {
  /**
   * Submit a satisfaction rating. Retried safely: every attempt carries the same `Idempotency-Key`
   * (generated when not given).
   */
  submit(submission: RatingSubmission, options?: RequestOptions & { idempotencyKey?: string | undefined }): Promise<RatingReceipt>;
  summary(scope?: ScopeQuery, options?: RequestOptions): Promise<RatingSummary>;
}

const IdempotencyKey = /* @__PURE__ */ z.string().check(z.regex(/^[A-Za-z0-9_-]{8,200}$/));

export function ratingsApi(t: Transport): RatingsApi {
  return {
    submit: async (submission, options = {}) => {
      const body = input(RatingSubmission, submission);
      if (body.target.type === 'dossier') body.target.code = normalizeDossierCode(body.target.code);
      const key =
        options.idempotencyKey === undefined
          ? newIdempotencyKey()
          : input(IdempotencyKey, options.idempotencyKey, 'idempotencyKey');
      const headers = { 'idempotency-key': key };
      return send(t, { method: 'POST', route: 'ratings', schema: RatingReceipt, json: body, headers, idempotent: true }, options);
    },
    summary: async (scope = {}, options) =>
      get(t, 'ratings/summary', RatingSummary, { query: input(ScopeQuery, scope) }, options),
  };
}
