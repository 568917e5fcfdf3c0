/**
 * Logger settings: pino through Fastify, with secrets and personal data kept out. The verification
 * digits travel in the query string (`?verify=1234`), so URLs are logged with that value replaced, and
 * Authorization / Cookie / Idempotency-Key headers are redacted should anything log headers.
 */
import type { FastifyRequest } from 'fastify';
import type { LogLevel } from '../config.js';

const SECRET_QUERY = /([?&](?:verify)=)[^&#]*/gi;

/** The URL with the values of secret query parameters replaced. */
export function redactUrl(url: string): string {
  return url.replace(SECRET_QUERY, '$1[REDACTED]');
}

/** Where log lines go instead of stdout (tests read them). */
export interface LogDestination {
  write(line: string): void;
}

/** Fastify `logger` option for a level (`silent` turns logging off). */
export function loggerOptions(level: LogLevel, destination?: LogDestination) {
  if (level === 'silent') return false as const;
  return {
    level,
    ...(destination ? { stream: destination } : {}),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]', 'headers.authorization'],
      censor: '[REDACTED]',
    },
    serializers: {
      req(request: FastifyRequest) {
        return { method: request.method, url: redactUrl(request.url), remoteAddress: request.ip };
      },
    },
  };
}
