/**
 * Contract checks for request inputs and response bodies, turning zod issues into {@link ValidationError}s.
 *
 * zod/mini ships no locale (its messages are all "Invalid input"), so the rule is described here from the issue's
 * structured fields. Input values are never quoted: they may be personal data.
 */
import type * as z from 'zod/mini';
import { ValidationError, type ValidationIssue } from './errors.js';

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

/** `['items', 3, 'code']` → `items[3].code`. */
export function formatPath(path: readonly Key[]): string {
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  }
  return out;
}

function size(issue: { origin: string }, bound: string, limit: number | bigint): string {
  const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' || issue.origin === 'set' ? ' items' : '';
  return `expected ${issue.origin} ${unit ? 'to have ' : ''}${bound} ${limit}${unit}`;
}

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}`;
    case 'invalid_value':
      return `Invalid option: expected one of ${issue.values.map((v) => JSON.stringify(v)).join('|')}`;
    case 'invalid_format':
      return issue.format === 'regex' ? `Invalid string: must match pattern ${issue.pattern}` : `Invalid ${issue.format}`;
    case 'too_small':
      return `Too small: ${size(issue, issue.inclusive ? '>=' : '>', issue.minimum)}`;
    case 'too_big':
      return `Too big: ${size(issue, issue.inclusive ? '<=' : '<', issue.maximum)}`;
    case 'unrecognized_keys':
      return `Unrecognized key(s): ${issue.keys.join(', ')}`;
    case 'invalid_union':
      if ('matches' in issue) return 'Invalid input: matches more than one allowed shape';
      return issue.discriminator
        ? `Invalid input: "${issue.discriminator}" must be one of ${(issue.options ?? []).map((v) => JSON.stringify(v)).join('|')}`
        : 'Invalid input: matches none of the allowed shapes';
    case 'not_multiple_of':
      return `Invalid number: must be a multiple of ${issue.divisor}`;
    default:
      // `custom` refinements carry the contract author's message.
      return issue.message;
  }
}

/** What a union option expected, when it failed at the union's own level on its type or value alone. */
function expectation(branch: readonly Issue[]): string[] | null {
  const [issue] = branch;
  if (branch.length !== 1 || !issue || issue.path.length > 0) return null;
  if (issue.code === 'invalid_type') return [issue.expected];
  if (issue.code === 'invalid_value') return issue.values.map((v) => JSON.stringify(v));
  return null;
}

/**
 * Flatten issues to `{ path, message }`. For a union none of whose options matched, follow the option that got
 * furthest (its first issue has the longest path), so a bad link inside rich text reads `steps[0].content[1].href`
 * rather than just "no option matched"; when none got past the union itself, list what the options expected.
 */
export function toIssues(issues: readonly Issue[], prefix: readonly Key[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const branches = issue.code === 'invalid_union' ? issue.errors.filter((b) => b.length > 0) : [];
    const best = branches.reduce<readonly Issue[]>((a, b) => ((b[0]?.path.length ?? 0) > (a[0]?.path.length ?? 0) ? b : a), []);
    const expected = (best[0]?.path.length ?? 0) > 0 ? null : branches.map(expectation);
    if (expected && expected.length > 0 && expected.every(Boolean)) {
      out.push({ path: formatPath(path), message: `Invalid input: expected one of ${expected.flat().join('|')}` });
    } else if (best.length > 0 && !expected) {
      out.push(...toIssues(best, path));
    } else {
      out.push({ path: formatPath(path), message: describe(issue) });
    }
  }
  return out;
}

/**
 * Parse `value` against `schema`, or throw a {@link ValidationError} located at `where`, with issue paths below
 * `prefix` (the name of a scalar argument such as `code`).
 */
export function check<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  where: 'request' | 'response',
  prefix: readonly Key[] = [],
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(where, toIssues(result.error.issues, prefix));
  return result.data as z.output<S>;
}
