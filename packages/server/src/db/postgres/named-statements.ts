/**
 * PostgreSQL's counterpart of db/statements.ts: a pool for Kysely whose queries run as named statements, one name
 * per query text, so that each connection parses and plans a query once and afterwards only binds and executes
 * it (node-postgres prepares a named query on a connection at its first use there). Unnamed, every dossier
 * lookup was parsed and planned again by the database: on the benchmark machine that halved lookup throughput.
 * Only queries with parameters get a name: parameterless ones include transaction control and statements that
 * cannot be prepared, and keep the simple protocol. A statement lives as long as its connection, so names go to
 * the first MAX_NAMED distinct texts only (texts made from a varying number of values would pile up otherwise).
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type { Pool, PoolClient } from 'pg';

export const MAX_NAMED = 1000;

/** The pool Kysely's PostgresDialect takes, over `pool`, naming statements of up to `max` distinct texts. */
export function namedStatementPool(pool: Pool, max = MAX_NAMED): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < max) names.set(text, (name = `motcua_${names.size + 1}`));
    return name;
  };
  // Kysely keeps its connection object per client it is given: the same client gets the same wrapper.
  const wrappers = new WeakMap<PoolClient, PostgresPoolClient>();
  const wrap = (client: PoolClient): PostgresPoolClient => ({
    // Only (text, parameters): the dialect is given no cursor, so Kysely never streams rows through here.
    query: ((text: string, parameters: readonly unknown[]) => {
      const values = [...parameters];
      const name = values.length > 0 ? nameOf(text) : undefined;
      return client.query(name ? { name, text, values } : { text, values });
    }) as unknown as PostgresPoolClient['query'],
    release: (destroy?: boolean) => client.release(destroy),
  });
  return {
    connect: async () => {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = wrap(client)));
      return wrapper;
    },
    end: () => pool.end(),
  };
}
