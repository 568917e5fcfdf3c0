/**
 * The full-text index of procedure texts, the one place the engines differ on it. Both hold, per procedure
 * id, its folded tokens (space-separated, dotted codes whole) in three columns: name, keywords, body.
 * SQLite: the FTS5 table `procedure_search` (rowid = procedure id). PostgreSQL: a table whose `words` column
 * holds those tokens as tsvector lexemes, as they are, under a GIN index (migrations.ts).
 */
import { engineOf, type Database } from './database.js';
import { all, run, sql } from './query.js';

/** A procedure's entry, written. */
export async function indexProcedureText(db: Database, id: number, name: string, keywords: string, body: string): Promise<void> {
  await run(
    db,
    engineOf(db) === 'postgres'
      ? sql`INSERT INTO procedure_search (id, name, keywords, body) VALUES (${id}, ${name}, ${keywords}, ${body})`
      : sql`INSERT INTO procedure_search (rowid, name, keywords, body) VALUES (${id}, ${name}, ${keywords}, ${body})`,
  );
}

/** A procedure's entry, removed. */
export async function unindexProcedureText(db: Database, id: number): Promise<void> {
  await run(
    db,
    engineOf(db) === 'postgres' ? sql`DELETE FROM procedure_search WHERE id = ${id}` : sql`DELETE FROM procedure_search WHERE rowid = ${id}`,
  );
}

/** One word of a query: any of its folded forms, each a whole token or (prefix) the start of one. */
export interface TextTerm {
  forms: readonly string[];
  prefix: boolean;
}

const quoteLexeme = (token: string) => `'${token.replace(/['\\]/g, '\\$&')}'`;

/** Ids of the procedures holding every term in any column. */
export async function procedureIdsWithAll(db: Database, terms: readonly TextTerm[]): Promise<number[]> {
  if (engineOf(db) === 'postgres') {
    // The query is built as tsquery text and cast, not parsed by to_tsquery, which would split dotted codes.
    const query = terms.map((t) => `(${t.forms.map((f) => `${quoteLexeme(f)}${t.prefix ? ':*' : ''}`).join(' | ')})`).join(' & ');
    const rows = await all(db, sql<{ id: number }>`SELECT id FROM procedure_search WHERE words @@ ${query}::tsquery`);
    return rows.map((r) => r.id);
  }
  const expression = terms.map((t) => `(${t.forms.map((f) => `"${f}"${t.prefix ? '*' : ''}`).join(' OR ')})`).join(' AND ');
  const rows = await all(db, sql<{ id: number }>`SELECT rowid AS id FROM procedure_search WHERE procedure_search MATCH ${expression}`);
  return rows.map((r) => r.id);
}
