/**
 * The search vocabulary (data/search-vocabulary.json): everyday words and abbreviations rewritten into the
 * catalogue's words, and the phrases that mark a rare variant of a procedure. Applied to the query only.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../catalogue/data.js';

interface VocabularyFile {
  entries: { say: string[]; means: string; at?: 'start' }[];
  variants: { phrase: string }[];
}

interface Rewrite {
  say: readonly string[];
  means: readonly string[];
  atStart: boolean;
}

export interface Vocabulary {
  /** Rewrites, longest first, so "sao y ban chinh" wins over "sao y". */
  rewrites: readonly Rewrite[];
  /** Folded variant phrases with a leading and trailing space. */
  variants: readonly string[];
}

let loaded: Vocabulary | undefined;

export function searchVocabulary(): Vocabulary {
  if (loaded) return loaded;
  const file = JSON.parse(readFileSync(dataPath('search-vocabulary.json'), 'utf8')) as VocabularyFile;
  const rewrites = file.entries
    .flatMap((e) =>
      e.say.map((say) => ({ say: say.split(' '), means: e.means.split(' ').filter(Boolean), atStart: e.at === 'start' })),
    )
    .sort((a, b) => b.say.length - a.say.length);
  loaded = { rewrites, variants: file.variants.map((v) => ` ${v.phrase} `) };
  return loaded;
}

/** A query word: its folded form and, when the citizen typed diacritics, the word as typed (lowercase NFC). */
export interface QueryWord {
  folded: string;
  accented: string | null;
}

function startsAt(words: readonly QueryWord[], at: number, say: readonly string[]): boolean {
  return say.every((w, k) => words[at + k]?.folded === w);
}

/**
 * Rewrite the folded query with the vocabulary, left to right, longest phrase first; rewritten words lose
 * their typed diacritics (they are the catalogue's words now). A filler is dropped only when other words remain.
 */
export function rewriteQuery(words: readonly QueryWord[], vocabulary: Vocabulary = searchVocabulary()): QueryWord[] {
  const out: QueryWord[] = [];
  let i = 0;
  let previous: readonly string[] | null = null;
  while (i < words.length) {
    const rule = vocabulary.rewrites.find(
      (r) => (!r.atStart || out.length === 0) && startsAt(words, i, r.say) && (r.means.length > 0 || words.length > r.say.length),
    );
    if (!rule) {
      previous = null;
      out.push(words[i]!);
      i++;
      continue;
    }
    // "CMND/CCCD" rewrites to the same words twice: they count once.
    if (previous?.join(' ') !== rule.means.join(' ')) for (const w of rule.means) out.push({ folded: w, accented: null });
    previous = rule.means;
    i += rule.say.length;
  }
  return out;
}
