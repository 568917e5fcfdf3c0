/**
 * The in-memory index procedure search ranks over: per procedure its folded and typed name words, the words
 * of its field and agency, the variant phrases its name holds, and how often this province's desks file it.
 * Rebuilt when the catalogue version changes, which also drops the cache of recent ranked results. The filing
 * counts (a row per procedure, kept by the dossier writes) are read then, and again a few seconds after dossiers
 * are ingested or deleted (one read for a burst of ingests, off the ingest's own path), so a procedure's rank
 * follows what the desks file.
 */
import { createHash } from 'node:crypto';
import { fold, tokens } from '@motcua/sdk';
import { provinceShortName } from '../catalogue/units.js';
import { isClosed, rootOf, type Database } from './database.js';
import { getMeta, PROVINCE_META_KEY } from './meta.js';
import { catalogueVersion, coreName } from './procedures.js';
import { all, sql } from './query.js';
import { searchVocabulary } from './search-vocabulary.js';

export interface Entry {
  id: number;
  code: string;
  /** Folded name tokens joined by single spaces. */
  name: string;
  /** The name with a leading and a trailing space, for whole-word and phrase tests. */
  spaced: string;
  /** Folded name tokens in order. */
  tokens: readonly string[];
  nameWords: ReadonlySet<string>;
  /** Name words as written ({@link accentKey}), for accent-aware matching. */
  typedWords: ReadonlySet<string>;
  /** Words of the field and agency names. */
  keywordWords: ReadonlySet<string>;
  /** The name without its "thu tuc" prefix and without parenthesised precisions. */
  core: string;
  coreTokens: number;
  /** Variant phrases (search-vocabulary.json) the name holds. */
  variants: readonly string[];
  /**
   * How often this province's desks file the procedure, relative to the most filed one, square root (0–1): the
   * everyday procedures stand out, a procedure filed a few dozen times a year is barely above one never filed
   * (desks do not file everything citizens look for: a lost passport is reported to the police).
   */
  prior: number;
  /** The agency names this province (a duplicate from another province's agency ranks below it). */
  home: boolean;
  levelMask: number;
  fieldId: string | null;
  agencyId: string | null;
  online: string | null;
}

export interface CatalogueIndex {
  version: string;
  byId: Map<number, Entry>;
  /** Sorted by code. */
  entries: Entry[];
  /** Every folded name word, for typo correction. */
  nameVocabulary: ReadonlySet<string>;
  /** Recent ranked results (least recently used first), dropped with the index when the catalogue changes. */
  results: Map<string, number[]>;
  /**
   * Which ranking this is (a fingerprint of what it follows, {@link rankingInputs}), so a search cursor (a position
   * in a ranked list) from another ranking is known stale.
   */
  generation: number;
}

/** Lowercase NFC words as typed, diacritics kept (the same split as {@link tokens}, without folding). */
export function typedTokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/**
 * A typed word compared with its diacritics, whatever the tone placement ("hoà" and "hòa" are the same key):
 * letters with their vowel marks (â, ă, ơ, ư, đ…), then the tone mark.
 */
export function accentKey(word: string): string {
  const decomposed = word.normalize('NFD');
  const tones = decomposed.match(TONE_MARKS)?.join('') ?? '';
  return decomposed.replace(TONE_MARKS, '').normalize('NFC') + tones;
}

/** Built indexes, per database (a transaction's calls find its database's). */
const indexes = new WeakMap<Database, CatalogueIndex>();

/** Dossiers filed per procedure, as the dossier writes keep them (db/stats.ts), by procedure code. */
async function filingCounts(db: Database): Promise<[string, number][]> {
  const rows = await all(db, sql<{ code: string; n: number }>`SELECT procedure_code AS code, filings AS n
    FROM procedure_filings WHERE filings > 0 ORDER BY procedure_code`);
  return rows.map((r) => [r.code, Number(r.n)]);
}

/**
 * What the ranking follows besides the catalogue: each procedure's prior (the square root of its filings' share
 * of the most filed procedure's, 0 to 1), and the ranking's generation, a fingerprint of the catalogue version and
 * the filing counts: every instance on the same database ranks alike, so a cursor one issued pages on another.
 */
async function rankingInputs(db: Database, version: string): Promise<{ prior: (code: string) => number; generation: number }> {
  const counts = await filingCounts(db);
  const filings = new Map(counts);
  const mostFiled = Math.max(1, ...filings.values());
  const generation = createHash('sha256').update(version).update(JSON.stringify(counts)).digest().readUInt32BE(0);
  return { prior: (code) => Math.sqrt((filings.get(code) ?? 0) / mostFiled), generation };
}

/**
 * How long after an ingested dossier the filing counts are read again: the dossiers of a burst once. At most one
 * read runs at a time per database.
 */
export const PRIOR_REFRESH_DELAY_MS = 3000;
/** Per database with a refresh scheduled or running: whether dossiers changed again since it was scheduled. */
const pendingPriors = new WeakMap<Database, { again: boolean }>();

const filingListeners = new WeakMap<Database, () => void>();

/** Call `listener` whenever dossiers are written or deleted through `db` (to tell other instances). */
export function onFilingsChanged(db: Database, listener: () => void): void {
  filingListeners.set(db, listener);
}

/**
 * Dossiers were written or deleted (through `db`, or by another instance on the same database: `remote`): re-read
 * the prior soon (a search index not built yet reads it when built). The timer does not keep the process alive; a
 * database closed meanwhile is left alone.
 */
export function filingsChanged(db: Database, remote = false): void {
  const root = rootOf(db);
  if (!remote) filingListeners.get(root)?.();
  if (!indexes.has(root)) return;
  const pending = pendingPriors.get(root);
  if (pending) return void (pending.again = true);
  const state = { again: false };
  pendingPriors.set(root, state);
  setTimeout(() => {
    if (isClosed(root)) return void pendingPriors.delete(root);
    state.again = false;
    // Changes meanwhile wait for this refresh to end, then schedule the next; a failure is retried by the next change.
    void refreshPrior(root)
      .catch(() => {})
      .finally(() => {
        pendingPriors.delete(root);
        if (state.again) filingsChanged(root, true);
      });
  }, PRIOR_REFRESH_DELAY_MS).unref();
}

/** Re-read the filing counts into the built index now, and drop the ranked results cached with the old ones. */
export async function refreshPrior(db: Database): Promise<void> {
  const index = indexes.get(rootOf(db));
  if (!index) return;
  const { prior, generation } = await rankingInputs(db, index.version);
  for (const e of index.entries) e.prior = prior(e.code);
  index.results.clear();
  index.generation = generation;
}

async function provinceWords(db: Database): Promise<string | null> {
  const raw = await getMeta(db, PROVINCE_META_KEY);
  if (!raw) return null;
  const name = fold(provinceShortName((JSON.parse(raw) as { name: string }).name));
  return name || null;
}

/** Indexes being built, so that searches arriving meanwhile wait for the one build (and share its generation). */
const building = new WeakMap<Database, { version: string; index: Promise<CatalogueIndex> }>();

/** The search index of the catalogue as it is now (built, or rebuilt after a catalogue change, on first use). */
export async function catalogueIndex(db: Database): Promise<CatalogueIndex> {
  const root = rootOf(db);
  const version = await catalogueVersion(db);
  const cached = indexes.get(root);
  if (cached && cached.version === version) return cached;
  const pending = building.get(root);
  if (pending && pending.version === version) return pending.index;
  const index = buildIndex(db, version);
  building.set(root, { version, index });
  try {
    return await index;
  } finally {
    if (building.get(root)?.index === index) building.delete(root);
  }
}

async function buildIndex(db: Database, version: string): Promise<CatalogueIndex> {
  const rows = await all(db, sql<{
    id: number;
    code: string;
    name: string;
    name_folded: string;
    field_name: string | null;
    agency_name: string | null;
    level_mask: number;
    field_id: string | null;
    agency_id: string | null;
    online: string | null;
  }>`SELECT id, code, name, name_folded, field_name, agency_name, level_mask, field_id, agency_id, online
       FROM procedures ORDER BY code`);
  const { prior, generation } = await rankingInputs(db, version);
  const province = await provinceWords(db);
  const { variants } = searchVocabulary();
  const nameVocabulary = new Set<string>();
  const entries = rows.map((r): Entry => {
    const spaced = ` ${r.name_folded} `;
    const core = coreName(tokens(r.name.replace(/\([^)]*\)/g, ' ')).join(' '));
    for (const w of r.name_folded.split(' ')) nameVocabulary.add(w);
    return {
      id: r.id,
      code: r.code,
      name: r.name_folded,
      spaced,
      tokens: r.name_folded.split(' '),
      nameWords: new Set(r.name_folded.split(' ')),
      typedWords: new Set(typedTokens(r.name).map(accentKey)),
      keywordWords: new Set(tokens(`${r.field_name ?? ''} ${r.agency_name ?? ''}`)),
      core,
      coreTokens: core.split(' ').filter(Boolean).length,
      variants: variants.filter((v) => spaced.includes(v)),
      prior: prior(r.code),
      home: province !== null && fold(r.agency_name ?? '').includes(province),
      levelMask: r.level_mask,
      fieldId: r.field_id,
      agencyId: r.agency_id,
      online: r.online,
    };
  });
  const index = { version, byId: new Map(entries.map((e) => [e.id, e])), entries, nameVocabulary, results: new Map(), generation };
  indexes.set(rootOf(db), index);
  return index;
}
