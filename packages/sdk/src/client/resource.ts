/** What the resource modules share: a GET, a list GET, and the check of a request input. */
import type * as z from 'zod/mini';
import { send, type Call, type RequestOptions, type Transport } from './request.js';
import { check } from './validate.js';

/** The parts of a {@link Call} besides its method, route and schema. */
export type CallExtra = Omit<Call<z.ZodMiniType>, 'method' | 'route' | 'schema'>;

export function get<S extends z.ZodMiniType>(
  t: Transport,
  route: string,
  schema: S,
  extra: CallExtra,
  options?: RequestOptions,
): Promise<z.output<S>> {
  return send(t, { method: 'GET', route, schema, ...extra }, options);
}

/** A cacheable collection (`{ items }`), unwrapped. */
export async function list<T>(
  t: Transport,
  route: string,
  schema: z.ZodMiniType<{ items: T[] }>,
  query: CallExtra['query'],
  options?: RequestOptions,
): Promise<T[]> {
  return (await get(t, route, schema, { query, cacheable: true }, options)).items;
}

/** Check a request input; a scalar argument is reported under its `name` (`code`, `verify`, …). */
export function input<S extends z.ZodMiniType>(schema: S, value: unknown, name?: string): z.output<S> {
  return check(schema, value, 'request', name ? [name] : []);
}
