/**
 * Contract schemas → JSON Schema (2020-12) for the OpenAPI document. `z.toJSONSchema` renders shapes and
 * bounds; the contract's rules (`rules()` checks: sums, orderings, date ranges…) it leaves out, so each one
 * is listed by name in the schema's description here, and those JSON Schema can state itself
 * (`uniqueItems`, `if`/`then`) are stated too, so a client generated from the document keeps them. The
 * contract's integer check (`Int`) becomes `type: integer`, its date and timestamp checks `format`.
 */
import * as z from 'zod';
import {
  CalendarDate,
  COMMENT_WHEN_DISSATISFIED,
  DISTINCT,
  INTEGER,
  nullWhenZero as nullWhenZeroRule,
  RETURNED_AT_WHEN_RETURNED,
  Timestamp,
} from '@motcua/sdk';
import type { Rule } from '@motcua/sdk';
import type { Schema } from './route.js';

export type JsonSchema = Record<string, unknown>;

/** `rate` is null exactly when `count` is 0, keyed by the rule's name. */
const nullWhenZero = (rate: string, count: string): [string, JsonSchema] => [
  nullWhenZeroRule<Record<string, unknown>>(rate, count)[0],
  {
    if: { properties: { [count]: { const: 0 } }, required: [count] },
    then: { properties: { [rate]: { type: 'null' } } },
    else: { properties: { [rate]: { type: 'number' } } },
  },
];

/** The JSON Schema of the rules it can state, by the rule's message. */
const STATED: Record<string, JsonSchema> = {
  [DISTINCT]: { uniqueItems: true },
  [COMMENT_WHEN_DISSATISFIED]: {
    if: { properties: { level: { const: 'dissatisfied' } }, required: ['level'] },
    then: { required: ['comment'], properties: { comment: { pattern: '\\S' } } },
  },
  [RETURNED_AT_WHEN_RETURNED]: {
    if: { properties: { status: { const: 10 } }, required: ['status'] },
    then: { required: ['returnedAt'], properties: { returnedAt: { type: 'string' } } },
  },
  ...Object.fromEntries([nullWhenZero('onTimeRate', 'settled'), nullWhenZero('satisfiedRate', 'total')]),
};

type Check = z.core.$ZodCheck & { rules?: Rule<never>[] };

/** The checks of a schema. */
const checksOf = (schema: z.core.$ZodType): Check[] => (schema._zod.def as { checks?: Check[] }).checks ?? [];

/** Names of the `rules()` checks of a schema. */
const rulesOf = (schema: z.core.$ZodType): string[] => checksOf(schema).flatMap((check) => (check.rules ?? []).map(([name]) => name));

/** JSON Schema formats of the contract's format checks (shared by every schema built on Timestamp or CalendarDate). */
const FORMATS = new Map<Check, string>([
  [checksOf(Timestamp)[0]!, 'date-time'],
  [checksOf(CalendarDate)[0]!, 'date'],
]);

/** `override` of `z.toJSONSchema`: integers and formats typed, each rule described, and stated where JSON Schema can. */
export function stateRules({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodType; jsonSchema: JsonSchema }): void {
  for (const check of checksOf(zodSchema)) {
    if (check === INTEGER) jsonSchema.type = 'integer';
    const format = FORMATS.get(check);
    if (format) jsonSchema.format = format;
  }
  const rules = rulesOf(zodSchema);
  if (rules.length === 0) return;
  const said = `Rules: ${rules.join('; ')}.`;
  jsonSchema.description = typeof jsonSchema.description === 'string' ? `${jsonSchema.description} ${said}` : said;
  const stated = rules.flatMap((message) => (STATED[message] ? [STATED[message]] : []));
  const conditions = stated.filter((s) => 'if' in s);
  for (const s of stated) if (!('if' in s)) Object.assign(jsonSchema, s);
  if (conditions.length === 1) Object.assign(jsonSchema, conditions[0]);
  else if (conditions.length > 1) jsonSchema.allOf = [...((jsonSchema.allOf as JsonSchema[] | undefined) ?? []), ...conditions];
}

/** Options of every `z.toJSONSchema` call of the document. */
export const JSON_SCHEMA_OPTIONS = { unrepresentable: 'any', override: stateRules } as const;

export function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

/** The JSON schema of what the server answers. */
export function outputSchema(schema: Schema): JsonSchema {
  return strip(z.toJSONSchema(schema as never, JSON_SCHEMA_OPTIONS) as JsonSchema);
}

/** The JSON schema of what a client may send. */
export function inputSchema(schema: Schema): JsonSchema {
  return strip(z.toJSONSchema(schema as never, { ...JSON_SCHEMA_OPTIONS, io: 'input' }) as JsonSchema);
}
