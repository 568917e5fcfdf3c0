/**
 * The API contract: zod/mini schemas and their inferred types.
 *
 * Browsers download every zod kind the contract uses, so it sticks to a small set (`contract-types.test.ts` checks
 * it): enumerations are `z.literal([...])`, not `z.enum`; tagged unions are `z.union` of objects with a literal
 * `type`, not `z.discriminatedUnion`; extensions spread `.shape` into `z.object`, not `z.extend`; dates and
 * timestamps are `z.stringFormat` with the ISO patterns of `common.ts`, not `z.iso.*`; rating indicators are a
 * `z.strictObject` of `z.exactOptional` scores, not `z.partialRecord`. Each accepts exactly the same values and
 * infers exactly the same types as the kind it replaces; together they save 1.9 kB gzip. Integers are `Int()`, a
 * number with one check, not `z.int()` (zod's number formats, 0.35 kB gzip). Rules beyond shapes are one
 * `rules()` check per schema (`rules.ts`).
 */
export * from './common.js';
export * from './rules.js';
export * from './rich-text.js';
export * from './problem.js';
export * from './page.js';
export * from './procedure.js';
export * from './catalog.js';
export * from './unit.js';
export * from './office.js';
export * from './dossier.js';
export * from './scope.js';
export * from './rating.js';
export * from './stats.js';
export * from './meta.js';
export * from './challenge.js';
export * from './ingest.js';
