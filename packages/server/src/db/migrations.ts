/**
 * Versioned schema, one list for both engines: each migration has its SQLite text and its PostgreSQL text,
 * which make the same tables, columns, constraints and indexes (flags stay integers, so rows read the same on
 * both). SQLite's `PRAGMA user_version` and PostgreSQL's `schema_migrations` table hold the number of the last
 * migration applied; migrations run in order, each in its own transaction, and are never edited once
 * released: a change is a new entry.
 */
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  /** SQLite. */
  sql: string;
  /** PostgreSQL (`db/postgres/migrate.ts` runs it). */
  postgres: string;
}

/** Migration 2, the same text on both engines. */
const EARLY_APART = /* sql */ `
  ALTER TABLE stats_daily ADD COLUMN early INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE stats_daily_total ADD COLUMN early INTEGER NOT NULL DEFAULT 0;
  CREATE TEMP TABLE early_by_day AS
    SELECT closed_day AS day, coalesce(unit_code, '') AS unit_key, coalesce(office_id, '') AS office_key,
           count(*) AS n
      FROM dossiers
     WHERE status IN (9, 10) AND appointment_day IS NOT NULL AND closed_day < appointment_day
     GROUP BY 1, 2, 3;
  UPDATE stats_daily SET early = e.n FROM early_by_day AS e
   WHERE stats_daily.day = e.day AND stats_daily.unit_key = e.unit_key AND stats_daily.office_key = e.office_key;
  UPDATE stats_daily_total SET early = e.n
    FROM (SELECT day, sum(n) AS n FROM early_by_day GROUP BY day) AS e
   WHERE stats_daily_total.day = e.day;
  DROP TABLE early_by_day;
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: /* sql */ `
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Procedures: the contract JSON plus the columns that filters, lists and ranking read.
      CREATE TABLE procedures (
        id               INTEGER PRIMARY KEY,
        code             TEXT NOT NULL UNIQUE,
        name             TEXT NOT NULL,
        name_folded      TEXT NOT NULL,  -- folded name tokens, space-separated
        name_tokens      INTEGER NOT NULL,  -- token count of the name without a leading "thu tuc"
        field_id         TEXT,
        field_name       TEXT,
        field_code       TEXT,
        agency_id        TEXT,
        agency_name      TEXT,
        level_mask       INTEGER NOT NULL,
        online           TEXT,
        summary          TEXT NOT NULL,
        detail           TEXT NOT NULL,
        source_format    TEXT NOT NULL,
        updated_at       TEXT NOT NULL
      );
      CREATE INDEX procedures_field ON procedures (field_id);
      CREATE INDEX procedures_agency ON procedures (agency_id);

      -- Full-text index over folded tokens (rowid = procedures.id). Dots are kept inside tokens so a
      -- procedure code is one token; the text is tokenised by fold.tokens() before it gets here.
      CREATE VIRTUAL TABLE procedure_search USING fts5 (
        name, keywords, body,
        tokenize = "unicode61 tokenchars '.'",
        prefix = '1 2 3'
      );

      CREATE TABLE fields (
        id              TEXT PRIMARY KEY,
        code            TEXT,
        name            TEXT NOT NULL,
        sort_key        TEXT NOT NULL,
        procedure_count INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE agencies (
        id              TEXT PRIMARY KEY,
        name            TEXT NOT NULL,
        level           TEXT,
        sort_key        TEXT NOT NULL,
        procedure_count INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- Units current and former; a code may appear twice (reused across the 2025 reform).
      CREATE TABLE units (
        id          INTEGER PRIMARY KEY,
        code        TEXT NOT NULL,
        level       TEXT NOT NULL,
        type        TEXT NOT NULL,
        parent_code TEXT,
        valid_to    TEXT,
        full_name   TEXT NOT NULL,
        search      TEXT NOT NULL,
        sort_key    TEXT NOT NULL,
        data        TEXT NOT NULL
      );
      CREATE INDEX units_code ON units (code, valid_to);
      CREATE INDEX units_parent ON units (parent_code);

      CREATE TABLE offices (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,
        name       TEXT NOT NULL,
        unit_code  TEXT NOT NULL,
        unit_codes TEXT NOT NULL,  -- ' code former1 former2 … ' for the unit filter
        field_ids  TEXT NOT NULL,  -- ' id1 id2 … ' for the field filter
        search     TEXT NOT NULL,  -- JSON array: folded names of the office, its unit, the former units it serves
        sort_key   TEXT NOT NULL,
        data       TEXT NOT NULL
      ) WITHOUT ROWID;

      -- Dossiers: masked name, keyed hashes of the verification factors, derived calendar days for stats.
      CREATE TABLE dossiers (
        id               INTEGER PRIMARY KEY,
        code             TEXT NOT NULL UNIQUE,
        national_code    TEXT,
        procedure_code   TEXT NOT NULL,
        procedure_name   TEXT NOT NULL,
        status           INTEGER NOT NULL,
        received_at      TEXT NOT NULL,
        appointment_at   TEXT,
        finished_at      TEXT,
        returned_at      TEXT,
        applicant_masked TEXT NOT NULL,
        phone_hash       BLOB,
        id_hash          BLOB,
        office_id        TEXT,
        unit_code        TEXT,
        history          TEXT NOT NULL,  -- JSON array of HistoryEvent, oldest first (at most 500)
        received_day     TEXT NOT NULL,
        appointment_day  TEXT,
        closed_day       TEXT,
        settled          INTEGER NOT NULL,
        on_time          INTEGER NOT NULL,
        updated_at       TEXT NOT NULL
      );
      CREATE INDEX dossiers_national_code ON dossiers (national_code) WHERE national_code IS NOT NULL;

      -- What one dossier adds to the daily figures (see db/stats.ts): received on its day; closed, settled
      -- and settled on time on its closing day; open from reception to closing; overdue from the day after
      -- the appointment to closing. Both the full rebuild and the per-dossier update read this one view.
      CREATE VIEW dossier_stat_events AS
        SELECT id AS dossier_id, received_day AS day, coalesce(unit_code, '') AS unit_key,
               coalesce(office_id, '') AS office_key,
               1 AS received, 0 AS settled, 0 AS on_time, 1 AS open_delta, 0 AS overdue_delta
          FROM dossiers
        UNION ALL
        SELECT id, closed_day, coalesce(unit_code, ''), coalesce(office_id, ''),
               0, settled, on_time, -1,
               CASE WHEN appointment_day IS NOT NULL AND closed_day > appointment_day THEN -1 ELSE 0 END
          FROM dossiers WHERE closed_day IS NOT NULL
        UNION ALL
        SELECT id, date(appointment_day, '+1 day'), coalesce(unit_code, ''), coalesce(office_id, ''),
               0, 0, 0, 0, 1
          FROM dossiers
         WHERE appointment_day IS NOT NULL AND (closed_day IS NULL OR closed_day > appointment_day);

      CREATE TABLE stats_daily (
        day           TEXT NOT NULL,
        unit_key      TEXT NOT NULL,
        office_key    TEXT NOT NULL,
        received      INTEGER NOT NULL,
        settled       INTEGER NOT NULL,
        on_time       INTEGER NOT NULL,
        open_delta    INTEGER NOT NULL,
        overdue_delta INTEGER NOT NULL,
        PRIMARY KEY (day, unit_key, office_key)
      ) WITHOUT ROWID;
      CREATE INDEX stats_daily_unit ON stats_daily (unit_key, day);
      CREATE INDEX stats_daily_office ON stats_daily (office_key, day);

      -- Province-wide figures per day, so the default (whole province) query reads one row per day.
      CREATE TABLE stats_daily_total (
        day           TEXT PRIMARY KEY,
        received      INTEGER NOT NULL,
        settled       INTEGER NOT NULL,
        on_time       INTEGER NOT NULL,
        open_delta    INTEGER NOT NULL,
        overdue_delta INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE ratings (
        id           TEXT PRIMARY KEY,
        target_type  TEXT NOT NULL CHECK (target_type IN ('dossier', 'office')),
        dossier_code TEXT,
        office_id    TEXT,
        unit_key     TEXT NOT NULL,
        office_key   TEXT NOT NULL,
        level        TEXT NOT NULL,
        comment      TEXT,
        indicators   TEXT,
        created_at   TEXT NOT NULL,
        created_day  TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE UNIQUE INDEX ratings_one_per_dossier ON ratings (dossier_code) WHERE target_type = 'dossier';

      -- Ratings per day and level, per (unit, office) and for the whole province: summaries read these.
      CREATE TABLE ratings_daily (
        day            TEXT NOT NULL,
        unit_key       TEXT NOT NULL,
        office_key     TEXT NOT NULL,
        very_satisfied INTEGER NOT NULL,
        satisfied      INTEGER NOT NULL,
        dissatisfied   INTEGER NOT NULL,
        PRIMARY KEY (day, unit_key, office_key)
      ) WITHOUT ROWID;
      CREATE INDEX ratings_daily_unit ON ratings_daily (unit_key, day);
      CREATE INDEX ratings_daily_office ON ratings_daily (office_key, day);
      CREATE TABLE ratings_daily_total (
        day            TEXT PRIMARY KEY,
        very_satisfied INTEGER NOT NULL,
        satisfied      INTEGER NOT NULL,
        dissatisfied   INTEGER NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE idempotency_keys (
        key         TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        response    TEXT NOT NULL,
        created_at  TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE api_keys (
        hash       TEXT PRIMARY KEY,  -- SHA-256 (hex) of the key; the key itself is never stored
        label      TEXT NOT NULL,
        source     TEXT NOT NULL,     -- 'env' for keys from MOTCUA_INGEST_KEYS, 'manual' otherwise
        created_at TEXT NOT NULL,
        revoked_at TEXT
      ) WITHOUT ROWID;
    `,
    // Text compares byte-wise (COLLATE "C") as in SQLite, whatever the database's locale: sort keys, days and
    // codes order the same on both engines.
    postgres: /* sql */ `
      CREATE TABLE meta (
        key   text COLLATE "C" PRIMARY KEY,
        value text COLLATE "C" NOT NULL
      );

      CREATE TABLE procedures (
        id               integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        code             text COLLATE "C" NOT NULL UNIQUE,
        name             text COLLATE "C" NOT NULL,
        name_folded      text COLLATE "C" NOT NULL,
        name_tokens      integer NOT NULL,
        field_id         text COLLATE "C",
        field_name       text COLLATE "C",
        field_code       text COLLATE "C",
        agency_id        text COLLATE "C",
        agency_name      text COLLATE "C",
        level_mask       integer NOT NULL,
        online           text COLLATE "C",
        summary          text COLLATE "C" NOT NULL,
        detail           text COLLATE "C" NOT NULL,
        source_format    text COLLATE "C" NOT NULL,
        updated_at       text COLLATE "C" NOT NULL
      );
      CREATE INDEX procedures_field ON procedures (field_id);
      CREATE INDEX procedures_agency ON procedures (agency_id);

      -- The full-text index (id = procedures.id). The folded tokens, space-separated, are the lexemes as they
      -- are (array_to_tsvector parses nothing, so a dotted code stays one token); GIN answers prefix queries.
      CREATE TABLE procedure_search (
        id       integer PRIMARY KEY,
        name     text COLLATE "C",
        keywords text COLLATE "C",
        body     text COLLATE "C",
        words    tsvector GENERATED ALWAYS AS (array_to_tsvector(array_remove(string_to_array(
                   coalesce(name, '') || ' ' || coalesce(keywords, '') || ' ' || coalesce(body, ''), ' '), ''))) STORED
      );
      CREATE INDEX procedure_search_words ON procedure_search USING gin (words);

      CREATE TABLE fields (
        id              text COLLATE "C" PRIMARY KEY,
        code            text COLLATE "C",
        name            text COLLATE "C" NOT NULL,
        sort_key        text COLLATE "C" NOT NULL,
        procedure_count integer NOT NULL
      );

      CREATE TABLE agencies (
        id              text COLLATE "C" PRIMARY KEY,
        name            text COLLATE "C" NOT NULL,
        level           text COLLATE "C",
        sort_key        text COLLATE "C" NOT NULL,
        procedure_count integer NOT NULL
      );

      CREATE TABLE units (
        id          integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        code        text COLLATE "C" NOT NULL,
        level       text COLLATE "C" NOT NULL,
        type        text COLLATE "C" NOT NULL,
        parent_code text COLLATE "C",
        valid_to    text COLLATE "C",
        full_name   text COLLATE "C" NOT NULL,
        search      text COLLATE "C" NOT NULL,
        sort_key    text COLLATE "C" NOT NULL,
        data        text COLLATE "C" NOT NULL
      );
      CREATE INDEX units_code ON units (code, valid_to);
      CREATE INDEX units_parent ON units (parent_code);

      CREATE TABLE offices (
        id         text COLLATE "C" PRIMARY KEY,
        kind       text COLLATE "C" NOT NULL,
        name       text COLLATE "C" NOT NULL,
        unit_code  text COLLATE "C" NOT NULL,
        unit_codes text COLLATE "C" NOT NULL,
        field_ids  text COLLATE "C" NOT NULL,
        search     text COLLATE "C" NOT NULL,
        sort_key   text COLLATE "C" NOT NULL,
        data       text COLLATE "C" NOT NULL
      );

      CREATE TABLE dossiers (
        id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        code             text COLLATE "C" NOT NULL UNIQUE,
        national_code    text COLLATE "C",
        procedure_code   text COLLATE "C" NOT NULL,
        procedure_name   text COLLATE "C" NOT NULL,
        status           integer NOT NULL,
        received_at      text COLLATE "C" NOT NULL,
        appointment_at   text COLLATE "C",
        finished_at      text COLLATE "C",
        returned_at      text COLLATE "C",
        applicant_masked text COLLATE "C" NOT NULL,
        phone_hash       bytea,
        id_hash          bytea,
        office_id        text COLLATE "C",
        unit_code        text COLLATE "C",
        history          text COLLATE "C" NOT NULL,
        received_day     text COLLATE "C" NOT NULL,
        appointment_day  text COLLATE "C",
        closed_day       text COLLATE "C",
        settled          integer NOT NULL,
        on_time          integer NOT NULL,
        updated_at       text COLLATE "C" NOT NULL
      );
      CREATE INDEX dossiers_national_code ON dossiers (national_code) WHERE national_code IS NOT NULL;

      CREATE VIEW dossier_stat_events AS
        SELECT id AS dossier_id, received_day AS day, coalesce(unit_code, '') AS unit_key,
               coalesce(office_id, '') AS office_key,
               1 AS received, 0 AS settled, 0 AS on_time, 1 AS open_delta, 0 AS overdue_delta
          FROM dossiers
        UNION ALL
        SELECT id, closed_day, coalesce(unit_code, ''), coalesce(office_id, ''),
               0, settled, on_time, -1,
               CASE WHEN appointment_day IS NOT NULL AND closed_day > appointment_day THEN -1 ELSE 0 END
          FROM dossiers WHERE closed_day IS NOT NULL
        UNION ALL
        SELECT id, to_char(appointment_day::date + 1, 'YYYY-MM-DD'), coalesce(unit_code, ''), coalesce(office_id, ''),
               0, 0, 0, 0, 1
          FROM dossiers
         WHERE appointment_day IS NOT NULL AND (closed_day IS NULL OR closed_day > appointment_day);

      CREATE TABLE stats_daily (
        day           text COLLATE "C" NOT NULL,
        unit_key      text COLLATE "C" NOT NULL,
        office_key    text COLLATE "C" NOT NULL,
        received      integer NOT NULL,
        settled       integer NOT NULL,
        on_time       integer NOT NULL,
        open_delta    integer NOT NULL,
        overdue_delta integer NOT NULL,
        PRIMARY KEY (day, unit_key, office_key)
      );
      CREATE INDEX stats_daily_unit ON stats_daily (unit_key, day);
      CREATE INDEX stats_daily_office ON stats_daily (office_key, day);

      CREATE TABLE stats_daily_total (
        day           text COLLATE "C" PRIMARY KEY,
        received      integer NOT NULL,
        settled       integer NOT NULL,
        on_time       integer NOT NULL,
        open_delta    integer NOT NULL,
        overdue_delta integer NOT NULL
      );

      CREATE TABLE ratings (
        id           text COLLATE "C" PRIMARY KEY,
        target_type  text COLLATE "C" NOT NULL CHECK (target_type IN ('dossier', 'office')),
        dossier_code text COLLATE "C",
        office_id    text COLLATE "C",
        unit_key     text COLLATE "C" NOT NULL,
        office_key   text COLLATE "C" NOT NULL,
        level        text COLLATE "C" NOT NULL,
        comment      text COLLATE "C",
        indicators   text COLLATE "C",
        created_at   text COLLATE "C" NOT NULL,
        created_day  text COLLATE "C" NOT NULL
      );
      CREATE UNIQUE INDEX ratings_one_per_dossier ON ratings (dossier_code) WHERE target_type = 'dossier';

      CREATE TABLE ratings_daily (
        day            text COLLATE "C" NOT NULL,
        unit_key       text COLLATE "C" NOT NULL,
        office_key     text COLLATE "C" NOT NULL,
        very_satisfied integer NOT NULL,
        satisfied      integer NOT NULL,
        dissatisfied   integer NOT NULL,
        PRIMARY KEY (day, unit_key, office_key)
      );
      CREATE INDEX ratings_daily_unit ON ratings_daily (unit_key, day);
      CREATE INDEX ratings_daily_office ON ratings_daily (office_key, day);
      CREATE TABLE ratings_daily_total (
        day            text COLLATE "C" PRIMARY KEY,
        very_satisfied integer NOT NULL,
        satisfied      integer NOT NULL,
        dissatisfied   integer NOT NULL
      );

      CREATE TABLE idempotency_keys (
        key         text COLLATE "C" PRIMARY KEY,
        fingerprint text COLLATE "C" NOT NULL,
        response    text COLLATE "C" NOT NULL,
        created_at  text COLLATE "C" NOT NULL
      );

      CREATE TABLE api_keys (
        hash       text COLLATE "C" PRIMARY KEY,
        label      text COLLATE "C" NOT NULL,
        source     text COLLATE "C" NOT NULL,
        created_at text COLLATE "C" NOT NULL,
        revoked_at text COLLATE "C"
      );
    `,
  },
  {
    version: 2,
    name: 'settled early apart from on time',
    // Early (trước hạn) = settled on a day before the appointment day (the SDK's `dossierDeadline`); existing
    // aggregates get their share from the stored dossiers, as `rebuildStats` would count it.
    sql: EARLY_APART,
    postgres: EARLY_APART,
  },
  {
    version: 3,
    name: 'dossiers by procedure',
    // The search prior counts the filings of each procedure, again after ingest: 12 ms with this index on a
    // year of dossiers (250,000), 190 ms without.
    sql: /* sql */ `CREATE INDEX dossiers_procedure ON dossiers (procedure_code);`,
    postgres: /* sql */ `CREATE INDEX dossiers_procedure ON dossiers (procedure_code);`,
  },
  {
    version: 4,
    name: 'idempotency records by rating',
    // Removing a dossier's rating removes the record that would replay its receipt: found by this column and
    // index instead of reading the id out of every stored response.
    sql: /* sql */ `
      ALTER TABLE idempotency_keys ADD COLUMN rating_id TEXT;
      UPDATE idempotency_keys SET rating_id = json_extract(response, '$.id');
      CREATE INDEX idempotency_keys_rating ON idempotency_keys (rating_id);
    `,
    postgres: /* sql */ `
      ALTER TABLE idempotency_keys ADD COLUMN rating_id text COLLATE "C";
      UPDATE idempotency_keys SET rating_id = response::jsonb ->> 'id';
      CREATE INDEX idempotency_keys_rating ON idempotency_keys (rating_id);
    `,
  },
  {
    version: 5,
    name: 'filings per procedure kept with the dossiers',
    // The search prior's filing counts, kept in step by each dossier write (db/stats.ts) instead of counted over
    // every dossier after a burst of ingest (20–70 s at ten million on PostgreSQL). The index that counting used
    // goes: nothing else reads dossiers by procedure, and every insert paid for it.
    sql: /* sql */ `
      CREATE TABLE procedure_filings (
        procedure_code TEXT PRIMARY KEY,
        filings        INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO procedure_filings SELECT procedure_code, count(*) FROM dossiers GROUP BY procedure_code;
      DROP INDEX dossiers_procedure;
    `,
    postgres: /* sql */ `
      CREATE TABLE procedure_filings (
        procedure_code text COLLATE "C" PRIMARY KEY,
        filings        integer NOT NULL
      );
      INSERT INTO procedure_filings SELECT procedure_code, count(*) FROM dossiers GROUP BY procedure_code;
      DROP INDEX dossiers_procedure;
    `,
  },
];

/**
 * The migrations newer than `version`, in order; throws when the database is newer than every migration this
 * server knows (an older server must not write to a schema it does not know).
 */
export function pendingMigrations(version: number, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const latest = migrations.at(-1)?.version ?? 0;
  if (version > latest) {
    throw new Error(`Database schema version ${version} is newer than this server (${latest}); upgrade the server.`);
  }
  return migrations.filter((m) => m.version > version);
}

/** Apply every migration newer than the database's `user_version`, each atomically. Returns the new version. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  let version = db.pragma('user_version', { simple: true }) as number;
  for (const migration of pendingMigrations(version, migrations)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    version = migration.version;
  }
  return version;
}
