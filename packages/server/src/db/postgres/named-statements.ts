/**
 * PostgreSQL's counterpart of db/statements.ts: a pool for Kysely whose queries run as named statements, one name
 * per query text, so that each connection parses and plans a query once and afterwards only binds and executes
 * it (node-postgres prepares a named query on a connection at its first use there). Unnamed, every dossier
 * lookup was parsed and planned again by the database: on the benchmark machine that halved lookup throughput.
 * Only queries with parameters get a name: parameterless ones include transaction control and statements that
 * cannot be prepared, and keep the simple protocol. A statement lives as long as its connection, so names go to
 * the first MAX_NAMED distinct texts only (texts made from a varying number of values would pile up otherwise).
 * A read outside a transaction that meets a connection the database had already ended runs again on a new one.
 */
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import pg, { type Pool, type PoolClient } from 'pg';
import { isStorageUnavailable } from '../unavailable.js';

export const MAX_NAMED = 1000;

// How Kysely's PostgreSQL driver opens and ends transactions (postgres-named-statements.test fails if that changes),
// and what reads nothing but rows: a SELECT; not a WITH, which may hold a write that must not run twice.
const TRANSACTION_START = /^\s*(begin|start transaction)\b/i;
const TRANSACTION_END = /^\s*(commit|rollback)\b(?!\s+to\b)/i;
const READ = /^\s*select\b/i;

/** The pool Kysely's PostgresDialect takes, over `pool`, naming statements of up to `max` distinct texts. */
export function namedStatementPool(pool: Pool, max = MAX_NAMED): PostgresPool {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < max) names.set(text, (name = `motcua_${names.size + 1}`));
    return name;
  };
  const run = (client: PoolClient, text: string, values: unknown[]) => {
    const name = values.length > 0 ? nameOf(text) : undefined;
    return client.query(name ? { name, text, values } : { text, values });
  };
  // Kysely keeps its connection object per client it is given: the same client gets the same wrapper.
  const wrappers = new WeakMap<PoolClient, PostgresPoolClient>();
  const wrap = (client: PoolClient): PostgresPoolClient => {
    let inTransaction = false;
    return {
      // Only (text, parameters): the dialect is given no cursor, so Kysely never streams rows through here.
      query: (async (text: string, parameters: readonly unknown[]) => {
        const values = [...parameters];
        if (TRANSACTION_START.test(text)) inTransaction = true;
        else if (TRANSACTION_END.test(text)) inTransaction = false;
        try {
          return await run(client, text, values);
        } catch (error) {
          // A connection the database ended while it sat idle in the pool (a restart, a failover) can be handed out
          // before its notice is read: a read of its own, outside a transaction, runs again once on a new one.
          // The new connection is not the pool's: every pooled one may be held by a request waiting here, each
          // for another, until Kysely releases the dead one after this returns.
          if (inTransaction || !READ.test(text) || !isStorageUnavailable(error)) throw error;
          const once = new pg.Client(pool.options);
          once.on('error', () => {}); // its failures reach the query below
          try {
            await once.connect();
            return await once.query({ text, values });
          } finally {
            void once.end().catch(() => {});
          }
        }
      }) as unknown as PostgresPoolClient['query'],
      release: (destroy?: boolean) => client.release(destroy),
    };
  };
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
