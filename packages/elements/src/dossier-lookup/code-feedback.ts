import { normalizeDossierCode, parseDossierCode, type DossierCodeError, type DossierCodePart } from '@motcua/sdk';

/** What the code field says about its current text. */
export type CodeFeedback =
  | { state: 'empty' }
  /** A beginning that can still become a valid code: no complaint while the citizen types. */
  | { state: 'typing' }
  | { state: 'valid'; code: string }
  | { state: 'invalid'; reason: DossierCodeError; part: Exclude<DossierCodePart, 'whole'> | null };

// Valid codes used to complete what has been typed so far: if one completion parses, the beginning is fine.
// Several, so that every digit typed so far meets a completion that makes a real date (…-2004 3 → 30 April).
const COMPLETIONS = ['000.00.20.H37-200101-0001', '000.00.20.H37-201130-0010', '000.00.20.G01-201010-1000'];

/**
 * Instant feedback for a dossier code being typed or pasted. Before the field is `settled` (blurred or
 * submitted) a valid beginning is not an error; a wrong character or an impossible date is reported at once,
 * naming the part it is in.
 */
export function codeFeedback(input: string, settled: boolean, now = new Date()): CodeFeedback {
  const full = parseDossierCode(input, { now });
  if (full.ok) return { state: 'valid', code: full.code };
  if (full.reason === 'empty') return settled ? invalid(full.reason, full.part) : { state: 'empty' };
  if (settled) return invalid(full.reason, full.part);
  const typed = normalizeDossierCode(input);
  const total = COMPLETIONS[0]!.length;
  if (typed.length >= total) return invalid(full.reason, full.part);
  let first: ReturnType<typeof parseDossierCode> | undefined;
  for (const completion of COMPLETIONS) {
    const guess = parseDossierCode(typed + completion.slice(typed.length), { now });
    if (guess.ok) return { state: 'typing' };
    first ??= guess;
  }
  // The completed guess names the wrong part better than the incomplete text does.
  return first && !first.ok ? invalid(first.reason, first.part) : invalid(full.reason, full.part);
}

function invalid(reason: DossierCodeError, part: DossierCodePart | undefined): CodeFeedback {
  return { state: 'invalid', reason, part: part && part !== 'whole' ? part : null };
}
