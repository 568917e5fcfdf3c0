/**
 * Rules the contract's data keeps beyond its shape (sums, orderings, date order, dates in a plausible range…),
 * each named: the SDK refuses a body that breaks one with a `ValidationError` naming it, the server refuses
 * such input (400) and checks its own answers against them, and the OpenAPI document lists them.
 */
import * as z from 'zod/mini';

/** A rule the data keeps beyond its shape: its name, whether a value keeps it, and the field it points at. */
export type Rule<T> = [name: string, holds: (value: T) => boolean, path?: PropertyKey[]];

/**
 * The rules of a schema as one check. Each broken rule is an issue at its path whose message is the rule's
 * name: a `ValidationError` in the SDK, a 400 problem or a broken-contract 500 on the server. The table stays
 * on the check (`rules`) for the OpenAPI document, which lists the names in the schema's description and
 * states in JSON Schema those it can.
 */
export const rules = <T>(...table: Rule<T>[]) =>
  Object.assign(
    z.check<T>((ctx) => {
      for (const [message, holds, path = []] of table) {
        if (!holds(ctx.value)) ctx.issues.push({ code: 'custom', message, path, input: ctx.value });
      }
    }),
    { rules: table },
  );

// Rules the OpenAPI document also states in JSON Schema (`uniqueItems`, `if`/`then`), by name.
export const DISTINCT = 'items are distinct';
export const COMMENT_WHEN_DISSATISFIED = 'A comment is required when dissatisfied';
export const RETURNED_AT_WHEN_RETURNED = 'a returned dossier (status 10) has returnedAt';
/** `rate` is null exactly when `count` is 0 (nothing to take a share of). */
export const nullWhenZero = <T extends object>(rate: keyof T & string, count: keyof T & string): Rule<T> => [
  `${rate} is null exactly when ${count} is 0`,
  (o: any) => (o[rate] === null) === (o[count] === 0),
  [rate],
];

/** Elements of an array appear once each. */
export const distinct = rules<unknown[]>([DISTINCT, (a) => new Set(a).size === a.length]);

type DossierDates = { status: number; receivedAt: string; finishedAt?: string | null; returnedAt?: string | null };
const time = (v?: string | null) => (v ? Date.parse(v) : NaN);
/**
 * A dossier's own rules (a view's dates are null when absent, an upsert's may be left out): a returned
 * dossier has its return date, and it is finished, then returned, no earlier than it was received.
 */
export const dossierRules = rules<DossierDates>(
  [RETURNED_AT_WHEN_RETURNED, (d) => d.status !== 10 || d.returnedAt != null, ['returnedAt']],
  [
    'receivedAt <= finishedAt <= returnedAt',
    (d) => !(time(d.finishedAt) < time(d.receivedAt)) && !(time(d.returnedAt) < time(d.finishedAt ?? d.receivedAt)),
    ['finishedAt'],
  ],
);
