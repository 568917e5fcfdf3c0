/** Typo tolerance on folded words: an edit for words of 4–6 letters, two from 7, none for shorter words. */

export function allowedEdits(word: string): number {
  return word.length >= 7 ? 2 : word.length >= 4 ? 1 : 0;
}

/** Levenshtein distance between `a` and `b` when it is at most `max`, else `max + 1` (stops early). */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** Words of `vocabulary` within the allowed edits of `word` (never `word` itself, never for short words). */
export function nearWords(word: string, vocabulary: Iterable<string>): string[] {
  const max = allowedEdits(word);
  if (max === 0 || /\d/.test(word)) return [];
  const out: string[] = [];
  for (const candidate of vocabulary) {
    if (candidate !== word && candidate.length >= 4 && boundedDistance(word, candidate, max) <= max) out.push(candidate);
  }
  return out;
}
