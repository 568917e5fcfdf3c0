/**
 * Contract checks on the way out. In development and tests every JSON body is validated against the
 * schema the route promises, so drift shows up as a loud 500 at the server, never as a client surprise.
 */
import type * as z from 'zod/mini';
import type { AppContext } from '../context.js';
import { assertResponse } from './validate.js';

/** `body`, after checking it against `schema` when the context asks for response validation. */
export function checked<S extends z.ZodMiniType>(ctx: AppContext, schema: S, body: z.infer<S>, route: string): z.infer<S> {
  if (ctx.validateResponses) assertResponse(schema, body, route);
  return body;
}
