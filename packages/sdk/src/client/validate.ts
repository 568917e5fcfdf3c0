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
  const unit = issue.origin === 'string' ? ' characters' : issue.origin === 'array' ? ' items' : '';
  return `expected ${issue.origin} ${unit ? 'to have ' : ''}${bound} ${limit}${unit}`;
}

/** The expected values of an `invalid_value` issue, quoted: `"a"|"b"`. */
const quoted = (values: readonly unknown[]): string => values.map((v) => JSON.stringify(v)).join('|');

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}`;
    case 'invalid_value':
      return `Invalid option: expected one of ${quoted(issue.values)}`;
    case 'invalid_format':
      return issue.format === 'regex' ? `Invalid string: must match pattern ${issue.pattern}` : `Invalid ${issue.format}`;
    case 'too_small':
      return `Too small: ${size(issue, issue.inclusive ? '>=' : '>', issue.minimum)}`;
    case 'too_big':
      return `Too big: ${size(issue, issue.inclusive ? '<=' : '<', issue.maximum)}`;
    case 'unrecognized_keys':
      return `Unrecognized key(s): ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'Invalid input: matches none of the allowed shapes';
    default:
      // `custom` refinements carry the contract author's message.
      return issue.message;
  }
}

/** What an issue says was expected, when it is about a type or a value alone. */
function expectationOf(issue: Issue): string | null {
  if (issue.code === 'invalid_type') return issue.expected;
  if (issue.code === 'invalid_value') return quoted(issue.values);
  return null;
}

/**
 * When every option of a union failed first at the same place on its type or tag alone (a number where text or a
 * link belongs, an unknown block `type`), one issue there saying what the options expected together.
 */
function commonExpectation(branches: readonly (readonly Issue[])[], path: readonly Key[]): ValidationIssue | null {
  const firsts = branches.map((branch) => branch[0]!);
  const where = formatPath(firsts[0]?.path ?? []);
  const expected = firsts.map(expectationOf);
  if (firsts.length === 0 || expected.includes(null) || firsts.some((f) => formatPath(f.path) !== where)) return null;
  const unique = [...new Set(expected)];
  const values = firsts.every((f) => f.code === 'invalid_value');
  const message =
    values || unique.length > 1
      ? `Invalid ${values ? 'option' : 'input'}: expected one of ${unique.join('|')}`
      : `Invalid input: expected ${unique[0]}`;
  return { path: formatPath([...path, ...firsts[0]!.path]), message };
}

/** A union option refused on a literal property (its tag, such as a block's `type`): it is not the option meant. */
const missedTag = (branch: readonly Issue[]): boolean =>
  branch.some((issue) => issue.code === 'invalid_value' && issue.path.length === 1);

/**
 * Flatten issues to `{ path, message }`. For a union none of whose options matched, report what the options
 * expected together (see {@link commonExpectation}), or else follow the option meant (its tag matched) that got
 * furthest (its first issue has the longest path), so a bad link inside rich text reads `steps[0].content[1].href`
 * rather than just "no option matched".
 */
export function toIssues(issues: readonly Issue[], prefix: readonly Key[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    const branches = issue.code === 'invalid_union' ? issue.errors.filter((b) => b.length > 0) : [];
    const common = commonExpectation(branches, path);
    const meant = branches.filter((b) => !missedTag(b));
    const best = (meant.length > 0 ? meant : branches).reduce<readonly Issue[]>(
      (a, b) => ((b[0]?.path.length ?? 0) > (a[0]?.path.length ?? 0) ? b : a),
      [],
    );
    if (common) out.push(common);
    else if (best.length > 0) out.push(...toIssues(best, path));
    else out.push({ path: formatPath(path), message: describe(issue) });
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
