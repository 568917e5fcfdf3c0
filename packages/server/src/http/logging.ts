/**
 * Logger settings: pino through Fastify, with secrets and personal data kept out. The verification
 * digits travel in the query string (`?verify=1234`), so a URL is logged with the value of every query
 * parameter replaced except the API's own non-personal ones (`level`, `q`, `cursor`…, spelt exactly):
 * `verify` in any case or percent-encoding, and names the API does not know (`phone=…`), are never
 * written. Authorization / Cookie / Idempotency-Key headers are redacted should anything log headers.
 *
 * Two formats: `json` (one pino object a line, for production and log collectors) and `pretty` (for a
 * terminal: one short line a request, `10:02:03 GET /v1/units 200 2 ms`, and messages as text).
 */
import type { FastifyRequest } from 'fastify';
import type { LogFormat, LogLevel } from '../config.js';
import { SECURITY_SCHEMES } from './auth.js';
import { inputSchema } from './json-schema.js';
import type { Route } from './route.js';

/** The query parameters of `routes` that carry nothing personal (a credential passed in the query does). */
export function loggableQueryNames(routes: readonly Route[]): ReadonlySet<string> {
  const personal = new Set(Object.values(SECURITY_SCHEMES).flatMap((s) => (s.openapi.in === 'query' ? [String(s.openapi.name)] : [])));
  const names = routes.flatMap((r) => (r.query ? Object.keys((inputSchema(r.query).properties ?? {}) as object) : []));
  return new Set(names.filter((name) => !personal.has(name)));
}

function decodedName(raw: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/** The URL with the value of every query parameter not in `loggable` replaced by `[REDACTED]`. */
export function redactUrl(url: string, loggable: ReadonlySet<string> = new Set()): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const query = url.slice(q + 1).split('&').map((pair) => {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    if (name === '' || loggable.has(decodedName(name))) return pair;
    return eq < 0 ? '[REDACTED]' : `${name}=[REDACTED]`;
  });
  return `${url.slice(0, q)}?${query.join('&')}`;
}

/** Where log lines go instead of stdout (tests read them). */
export interface LogDestination {
  write(line: string): void;
}

const LEVEL_NAMES: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/**
 * A destination that turns pino's JSON lines into short ones: a request's "incoming" and "completed" lines
 * become one (`GET /v1/units 200 2 ms`), other messages their text with the level when above info.
 */
export function prettyDestination(out: LogDestination = process.stdout): LogDestination {
  const pending = new Map<string, string>();
  return {
    write(line: string) {
      let entry: { time?: number; level?: number; msg?: string; reqId?: string; req?: { method: string; url: string }; res?: { statusCode: number }; responseTime?: number; err?: { message?: string } };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        out.write(line);
        return;
      }
      const time = new Date(entry.time ?? Date.now()).toTimeString().slice(0, 8);
      if (entry.req && entry.reqId !== undefined) {
        pending.set(String(entry.reqId), `${entry.req.method} ${entry.req.url}`);
        return;
      }
      if (entry.res && entry.reqId !== undefined) {
        const request = pending.get(String(entry.reqId)) ?? '';
        pending.delete(String(entry.reqId));
        out.write(`${time} ${request} ${entry.res.statusCode} ${Math.round(entry.responseTime ?? 0)} ms\n`);
        return;
      }
      const level = LEVEL_NAMES[entry.level ?? 30];
      out.write(`${time} ${level ? `${level} ` : ''}${entry.msg ?? ''}${entry.err?.message && entry.err.message !== entry.msg ? `: ${entry.err.message}` : ''}\n`);
    },
  };
}

/** `pretty` on a terminal in development, `json` in production (NODE_ENV=production) or to a given destination. */
export function defaultLogFormat(destination?: LogDestination): LogFormat {
  return destination || process.env.NODE_ENV === 'production' ? 'json' : 'pretty';
}

/** Fastify `logger` option for a level (`silent` turns logging off) and a format. */
export function loggerOptions(
  level: LogLevel,
  destination?: LogDestination,
  format: LogFormat = defaultLogFormat(destination),
  loggable: ReadonlySet<string> = new Set(),
) {
  if (level === 'silent') return false as const;
  const stream = format === 'pretty' ? prettyDestination(destination) : destination;
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]', 'headers.authorization'],
      censor: '[REDACTED]',
    },
    serializers: {
      req(request: FastifyRequest) {
        return { method: request.method, url: redactUrl(request.url, loggable), remoteAddress: request.ip };
      },
    },
  };
}
