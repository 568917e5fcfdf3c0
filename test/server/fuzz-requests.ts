/**
 * Deterministic generator of hostile HTTP requests for the reference server: random and boundary query
 * strings, path segments and bodies aimed at every route. Same seed, same requests, so a failure found
 * once can be replayed by its index.
 */
import type { InjectOptions } from 'fastify';

/** mulberry32: a small, fast, seedable PRNG (good enough for fuzzing, not for secrets). */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
export type Random = ReturnType<typeof createRandom>;

/** Real values the seed data knows, so that some requests get past validation into the database. */
const KNOWN = {
  dossier: '000.00.20.H37-261005-0001',
  procedure: '1.001193',
  office: 'trung-tam-pvhcc-tinh',
  unit: '06220',
};

const BOUNDARY_STRINGS: readonly string[] = [
  '', ' ', '0', '-1', '1', '-0', '1e309', '-1e309', 'NaN', 'Infinity', '-Infinity', '9007199254740993',
  '2147483648', '-2147483649', '0x10', '1.5', '01', '+1', 'true', 'null', 'undefined', '[]', '{}',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  '\u0000', 'a\u0000b', '%00', '%', '%%', '%zz', '%E0%A4%A', '%C0%AE%C0%AE', '%2e%2e%2f', '..', '../', '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd', '....//', './', '/', '//', '\\', '..\\..\\windows', '?', '#', '&', '=', ';', '"', "'", '`',
  '<script>alert(1)</script>', "' OR 1=1 --", '"; DROP TABLE ratings; --', '%27%20OR%201=1', '${7*7}', '{{7*7}}',
  'thủ tục khai sinh', 'Hà Nội', 'Ñandú', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '😀👨‍👩‍👧', '\uFEFF', '\u202E', '\uD800', '\uDFFF', '\r\n', '\t',
  '"', 'khai sinh"', 'a*', '*', 'NEAR(a b)', 'a AND', 'OR', 'NOT a', '-a', '^a', 'title:a', '(', ')', 'a OR (b', '"a" "b',
  '0001-01-01', '2026-01-01', '2025-07-01', 'ＡＢＣ', 'ǅ', 'İ', 'ß', '\u0301', KNOWN.dossier, KNOWN.dossier.toLowerCase(), ` ${KNOWN.dossier} `,
  '000.00.20.H37-991231-0001', '000.00.20.H37-260231-0001', '000.00.20.H37-261005-0000', '000.00.20.H37-261005-00001',
  'AAAA.AA.AA.AAA-000000-0000', KNOWN.procedure, KNOWN.office, KNOWN.unit, '00000', '99999', '01', '2026-02-30',
  '2026-11-28', '1900-01-01', '9999-12-31', '2026-13-01', 'very_satisfied', 'satisfied', 'dissatisfied',
];

/** A random string drawn from several alphabets, sometimes very long. */
export function randomString(rnd: Random, maxLength = 40): string {
  if (rnd.chance(0.35)) return rnd.pick(BOUNDARY_STRINGS);
  if (rnd.chance(0.04)) return rnd.pick(['a', 'ệ', '%', '.', '0', '😀', '\u0000']).repeat(rnd.pick([256, 4096, 70_000]));
  const alphabets = [
    'abcdefghijklmnopqrstuvwxyz0123456789',
    'ăâđêôơưáàảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựíìỉĩịýỳỷỹỵ',
    '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~ ',
    '\u0000\u0001\u0007\u001f\u007f\u0085\u00a0\u2028\u2029\ufffe\uffff',
    '0123456789.-',
  ];
  const chars = rnd.pick(alphabets);
  const length = rnd.int(0, maxLength);
  let s = '';
  for (let i = 0; i < length; i++) s += chars[rnd.int(0, chars.length - 1)];
  return s;
}

/** A random JSON value (nested at most a few levels; see {@link deepJson} for deep nesting). */
export function randomJson(rnd: Random, depth = 0): unknown {
  const kind = depth > 3 ? rnd.int(0, 4) : rnd.int(0, 6);
  switch (kind) {
    case 0:
      return null;
    case 1:
      return rnd.chance(0.5);
    case 2:
      return rnd.pick([0, -1, 1, 2, 3, 10, 0.5, -0.0, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1]);
    case 3:
    case 4:
      return randomString(rnd);
    case 5:
      return Array.from({ length: rnd.int(0, 4) }, () => randomJson(rnd, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      for (let i = rnd.int(0, 5); i > 0; i--) object[rnd.chance(0.2) ? rnd.pick(['__proto__', 'constructor', 'prototype']) : randomString(rnd, 12)] = randomJson(rnd, depth + 1);
      return object;
    }
  }
}

/** Replace, delete or retype one field somewhere in `value` (a plausible body gone wrong). */
function mutate(rnd: Random, value: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(value);
  let target: Record<string, unknown> = copy;
  for (;;) {
    const keys = Object.keys(target);
    if (keys.length === 0) break;
    const key = rnd.pick(keys);
    const child = target[key];
    if (child && typeof child === 'object' && !Array.isArray(child) && rnd.chance(0.5)) {
      target = child as Record<string, unknown>;
      continue;
    }
    if (rnd.chance(0.3)) delete target[key];
    else target[key] = randomJson(rnd, 2);
    break;
  }
  if (rnd.chance(0.2)) copy[randomString(rnd, 10) || 'extra'] = randomJson(rnd, 2);
  return copy;
}

function ratingBody(rnd: Random): Record<string, unknown> {
  const target = rnd.chance(0.5) ? { type: 'dossier', code: KNOWN.dossier } : { type: 'office', id: KNOWN.office };
  return { target, level: rnd.pick(['very_satisfied', 'satisfied', 'dissatisfied']), indicators: { attitude: 2, online_service: 1 }, comment: 'Tốt' };
}

function ingestBody(rnd: Random): Record<string, unknown> {
  return {
    code: `000.31.05.H37-2611${String(rnd.int(10, 27))}-${String(rnd.int(1, 9999)).padStart(4, '0')}`,
    procedureCode: KNOWN.procedure,
    status: rnd.int(1, 10),
    receivedAt: '2026-11-20T08:15:00+07:00',
    applicant: { name: 'Nguyễn Văn An', phone: '0912 345 678', idNumber: '001203004567' },
    officeId: KNOWN.office,
    unitCode: KNOWN.unit,
    history: [{ at: '2026-11-20T08:15:00+07:00', action: 'Tiếp nhận hồ sơ', status: 2 }],
  };
}

function eventBody(): Record<string, unknown> {
  return { at: '2026-11-21T08:15:00+07:00', action: 'Chuyển xử lý', status: 4 };
}

const QUERY_KEYS = [
  'q', 'limit', 'cursor', 'level', 'field', 'agency', 'online', 'unit', 'office', 'from', 'to', 'kind', 'parent',
  'status', 'verify', 'via', '__proto__', 'constructor', 'q[]', 'limit[]', 'a[b]', '', ' ', 'ç', '%00',
];

/**
 * A query string: the route's own keys (so that values reach the handlers) or any keys, repeated keys,
 * odd encodings, limits at and past their bounds.
 */
export function randomQuery(rnd: Random, routeKeys: readonly string[] = []): string {
  if (rnd.chance(0.1)) return '';
  const ownKeysOnly = routeKeys.length > 0 && rnd.chance(0.5);
  const parts: string[] = [];
  for (let i = rnd.int(1, ownKeysOnly ? 3 : 5); i > 0; i--) {
    const key = ownKeysOnly ? rnd.pick(routeKeys) : rnd.chance(0.75) ? rnd.pick(QUERY_KEYS) : randomString(rnd, 10);
    let value: string;
    if (key.startsWith('limit')) value = rnd.pick(['0', '1', '100', '101', '-1', 'NaN', '1e3', '9'.repeat(400), '2.5', '']);
    else if (key === 'cursor') value = rnd.pick(['', 'abc', 'eyJ9', 'A'.repeat(2000), '!!!', randomString(rnd)]);
    else value = randomString(rnd);
    const encode = rnd.chance(0.85);
    const k = encode ? encodeURIComponent(safe(key)) : rawQueryText(key);
    const v = encode ? encodeURIComponent(safe(value)) : rawQueryText(value);
    parts.push(rnd.chance(0.05) ? k : `${k}=${v}`);
    if (rnd.chance(0.15)) parts.push(`${k}=${v}`); // repeated key: arrives as an array
  }
  return `?${parts.join(rnd.chance(0.05) ? ';' : '&')}`;
}

/** Lone surrogates cannot be percent-encoded; replace them with U+FFFD (what `toWellFormed()` does). */
function safe(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Text as raw as an HTTP request line can carry it (no spaces, no '#', ASCII only). */
function rawQueryText(text: string): string {
  return text.replace(/[^\x21-\x7e]|#/g, (c) => encodeURIComponent(safe(c)));
}

/** A path segment: raw (with traversal, '%' sequences) or encoded, sometimes overlong. */
export function randomSegment(rnd: Random, known: string): string {
  const base = rnd.chance(0.2) ? known : randomString(rnd, 30);
  const value = rnd.chance(0.1) ? base.repeat(rnd.pick([20, 200])) : base;
  return rnd.chance(0.6) ? encodeURIComponent(safe(value)) : rawQueryText(value).replace(/\?/g, '%3F');
}

const PROCEDURE_KEYS = ['q', 'level', 'field', 'agency', 'online', 'limit', 'cursor'];
const SCOPE_KEYS = ['unit', 'office', 'from', 'to'];

/** GET routes: path (':' marks the parameter), the known value of the parameter, the route's query keys. */
const GET_ROUTES: readonly [string, keyof typeof KNOWN | null, readonly string[]][] = [
  ['/healthz', null, []],
  ['/v1/meta', null, []],
  ['/v1/openapi.json', null, []],
  ['/v1/fields', null, []],
  ['/v1/agencies', null, []],
  ['/v1/offices', null, ['q', 'kind', 'unit', 'field']],
  ['/v1/office-summaries', null, ['q', 'kind', 'unit', 'field']],
  ['/v1/offices/:', 'office', []],
  ['/v1/procedures', null, PROCEDURE_KEYS],
  ['/v1/procedures/:', 'procedure', []],
  ['/v1/dossiers/:', 'dossier', ['verify']],
  ['/v1/ratings/summary', null, SCOPE_KEYS],
  ['/v1/stats', null, SCOPE_KEYS],
  ['/v1/units', null, ['level', 'status', 'parent', 'q']],
  ['/v1/units/resolve', null, ['q']],
  ['/v1/units/:', 'unit', []],
];

const CONTENT_TYPES = [
  'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=latin1', '', 'application/*', 'json',
];

/** JSON text nested `levels` deep in arrays or objects (built as text: stringifying it could overflow the stack). */
export function deepJson(rnd: Random, levels: number): string {
  return rnd.chance(0.5) ? `${'['.repeat(levels)}1${']'.repeat(levels)}` : `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
}

/** A raw body: random JSON, deeply nested or invalid JSON, huge strings, or nothing. */
function randomPayload(rnd: Random, plausible: Record<string, unknown>): string {
  const r = rnd.next();
  if (r < 0.35) return JSON.stringify(mutate(rnd, plausible));
  if (r < 0.45) return JSON.stringify(plausible);
  if (r < 0.62) return JSON.stringify(randomJson(rnd)) ?? '';
  if (r < 0.65) return deepJson(rnd, rnd.pick([100, 5000, 100_000]));
  if (r < 0.8) return rnd.pick(['', '{', '{"a":', '[1,2', 'null', '"x"', '123', 'true', '{"a":1}}', '\u0000', 'not json', '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"x":1}}}']);
  if (r < 0.9) return JSON.stringify({ ...plausible, comment: 'ệ'.repeat(rnd.pick([1001, 20_000, 400_000])) });
  return JSON.stringify(plausible).slice(0, rnd.int(1, 40));
}

/**
 * One fuzz request drawn from `rnd`. `ingestAuth` is the valid Authorization header, sent on most ingest calls
 * so that bodies are parsed rather than refused at the door.
 */
export function fuzzRequest(rnd: Random, ingestAuth: string): InjectOptions {
  const r = rnd.next();
  const headers: Record<string, string> = {};
  if (r < 0.55) {
    const [template, known, keys] = rnd.pick(GET_ROUTES);
    const path = known ? template.replace(':', randomSegment(rnd, KNOWN[known])) : template;
    return { method: rnd.chance(0.9) ? 'GET' : 'HEAD', url: path + randomQuery(rnd, keys), headers: maybeOddHeaders(rnd, headers) };
  }
  if (r < 0.95) {
    let url: string;
    let plausible: Record<string, unknown>;
    if (r < 0.75) {
      url = '/v1/ratings';
      plausible = ratingBody(rnd);
      if (rnd.chance(0.85)) headers['idempotency-key'] = rnd.chance(0.7) ? `fuzz-${rnd.int(0, 1e9)}` : rawQueryText(randomString(rnd, 250)) || 'x';
    } else {
      if (rnd.chance(0.85)) headers.authorization = rnd.chance(0.9) ? ingestAuth : rnd.pick(['Bearer', 'Bearer ', 'Basic abc', 'Bearer a b', `bearer ${'k'.repeat(5000)}`]);
      if (rnd.chance(0.5)) {
        url = '/v1/ingest/dossiers';
        plausible = ingestBody(rnd);
      } else {
        url = `/v1/ingest/dossiers/${randomSegment(rnd, KNOWN.dossier)}/events`;
        plausible = eventBody();
      }
    }
    if (rnd.chance(0.15)) url += randomQuery(rnd);
    const contentType = rnd.chance(0.75) ? 'application/json' : rnd.pick(CONTENT_TYPES);
    if (contentType) headers['content-type'] = contentType;
    return { method: 'POST', url, headers: maybeOddHeaders(rnd, headers), payload: randomPayload(rnd, plausible) };
  }
  // Wrong methods and unknown paths.
  const method = rnd.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST', 'GET'] as const);
  const path = rnd.pick(['/v1/ratings', '/v1/meta', '/v1/nothing', '/', '/v2/meta', '/v1/../etc/passwd', '/v1/%2e%2e/%2e%2e/etc/passwd', '/cdn/../../package.json', `/${randomSegment(rnd, 'x')}`]);
  if (method === 'OPTIONS' && rnd.chance(0.5)) {
    headers.origin = 'https://portal.example.gov.vn';
    headers['access-control-request-method'] = rnd.pick(['POST', 'PUT', 'GET']);
  }
  return { method, url: path, headers };
}

/** Sometimes add headers the routes do not expect. */
function maybeOddHeaders(rnd: Random, headers: Record<string, string>): Record<string, string> {
  if (rnd.chance(0.1)) headers['if-none-match'] = rnd.pick(['*', '"x"', 'W/"abc"', '', '"'.repeat(300)]);
  if (rnd.chance(0.05)) headers['accept'] = rnd.pick(['text/html', 'application/xml', '*/*', '']);
  if (rnd.chance(0.05)) headers['accept-encoding'] = rnd.pick(['gzip', 'br', 'identity;q=0', 'x']);
  return headers;
}
