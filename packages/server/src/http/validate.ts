/**
 * Request validation with the contract's zod schemas. Query strings are strings, so the parameters a
 * schema types as numbers are coerced here; anything the schema does not name is refused, so a typo
 * (`?levle=commune`) is reported instead of silently ignored.
 */
import * as zod from 'zod';
import * as z from 'zod/mini';
import type { ProblemIssue } from '@motcua/sdk';
import { ProblemError, validationProblem } from './problem.js';

// zod/mini ships without messages; the server uses the English locale for every schema it checks.
zod.config(zod.locales.en());

type Where = 'query' | 'params' | 'body' | 'headers';

/** Dotted path of an issue: `body.history[3].at`. */
export function issuePath(where: Where, path: readonly PropertyKey[]): string {
  let out: string = where;
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  return out;
}

type Issue = z.core.$ZodIssue;

/**
 * A union's "Invalid input" says little. When every branch fails on the same key with a literal mismatch
 * (a discriminator such as `target.type`), report that key with all accepted values; otherwise report the
 * issues of the branch that came closest (fewest issues).
 */
function explainUnion(issue: Issue & { code: 'invalid_union' }): Issue[] {
  const branches = issue.errors.filter((b) => b.length > 0);
  if (branches.length === 0) return [issue];
  const discriminant = branches[0]!.find((i) => i.code === 'invalid_value' && i.path.length === 1);
  if (discriminant) {
    const key = discriminant.path[0]!;
    const values: unknown[] = [];
    const all = branches.every((b) =>
      b.some((i) => i.code === 'invalid_value' && i.path.length === 1 && i.path[0] === key && values.push(...i.values)),
    );
    if (all) {
      const expected = values.map((v) => JSON.stringify(v)).join(' or ');
      return [{ ...discriminant, path: [...issue.path, key], message: `Invalid input: expected ${expected}` } as Issue];
    }
  }
  const closest = [...branches].sort((a, b) => a.length - b.length)[0]!;
  return closest.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue);
}

/** Contract issues of a failed parse, each with a dotted path and a readable message. */
export function toIssues(where: Where, error: z.core.$ZodError): ProblemIssue[] {
  return error.issues
    .flatMap((issue) => (issue.code === 'invalid_union' ? explainUnion(issue) : [issue]))
    .map((issue) => ({
      path: issuePath(where, issue.path).slice(0, 500),
      message: issue.message.slice(0, 1000),
    }));
}

/** Parse a value with a schema or throw a 400 validation problem naming every issue. */
export function parseWith<S extends z.ZodMiniType>(where: Where, schema: S, value: unknown): z.infer<S> {
  const result = z.safeParse(schema, value);
  if (!result.success) throw validationProblem(toIssues(where, result.error));
  return result.data;
}

type ObjectSchema = z.ZodMiniObject<z.core.$ZodLooseShape>;

/** Whether a query parameter holds a number (`limit`), so its decimal string form is coerced. */
function isNumeric(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as z.core.$ZodTypeDef & { innerType?: z.core.$ZodType };
  if (def.type === 'optional' || def.type === 'default') return def.innerType ? isNumeric(def.innerType) : false;
  return def.type === 'number';
}

/**
 * Validate a parsed query string against an object schema: unknown parameters → 400 listing them,
 * empty values treated as absent, numeric parameters coerced, then the schema's own rules.
 */
export function parseQuery<S extends ObjectSchema>(schema: S, raw: unknown): z.infer<S> {
  const shape = schema.shape as Record<string, z.core.$ZodType>;
  const allowed = Object.keys(shape);
  const input: Record<string, unknown> = {};
  const unknown: string[] = [];
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    if (!allowed.includes(key)) {
      unknown.push(key);
      continue;
    }
    if (value === '') continue;
    input[key] = isNumeric(shape[key]!) && typeof value === 'string' && /^-?[0-9]{1,15}$/.test(value) ? Number(value) : value;
  }
  if (unknown.length > 0) {
    const list = unknown.map((k) => k.slice(0, 60)).join(', ');
    throw validationProblem(
      unknown.slice(0, 100).map((k) => ({ path: issuePath('query', [k.slice(0, 60)]), message: 'Unknown query parameter' })),
      `Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${list}. Allowed: ${allowed.join(', ') || 'none'}.`,
    );
  }
  return parseWith('query', schema, input);
}

/** Validate a JSON body; a missing body is a 400 of its own so the message says what is wrong. */
export function parseBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.infer<S> {
  if (body === undefined || body === null) {
    throw new ProblemError(400, 'bad_request', { detail: 'A JSON request body is required.' });
  }
  return parseWith('body', schema, body);
}

/**
 * Check an outgoing body against its contract schema. Used in development and tests so a response that
 * drifts from the contract fails loudly at the server instead of in a client.
 */
export function assertResponse<S extends z.ZodMiniType>(schema: S, body: unknown, route: string): void {
  const result = z.safeParse(schema, body);
  if (!result.success) {
    const first = toIssues('body', result.error)[0];
    throw new Error(`Response of ${route} breaks the contract at ${first?.path ?? '?'}: ${first?.message ?? ''}`);
  }
}
