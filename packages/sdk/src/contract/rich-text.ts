import * as z from 'zod/mini';
import { List, SafeUrl } from './common.js';

/**
 * Bounds of procedure content, from the national catalogue as imported (at most 212 blocks, 10 list items,
 * 3 runs to a paragraph or item, 1,963 characters to a run) with headroom; the importer cuts content to them.
 * Their product bounds a document, so each is kept near what real content needs.
 */
export const RICH_TEXT_LIMITS = { blocks: 400, items: 40, runs: 20, run: 4000, linkText: 500 } as const;
const L = RICH_TEXT_LIMITS;

/**
 * Procedure content (steps, requirements, results) arrives from the national portal as HTML or plain text.
 * The server converts it at import into these blocks, so the contract carries no HTML and a browser has
 * nothing to sanitise: a run is plain text, or text with a link whose scheme is known to be safe.
 */
export const TextRun = z.union([
  z.string().check(z.maxLength(L.run)),
  z.object({ text: z.string().check(z.minLength(1), z.maxLength(L.linkText)), href: SafeUrl }),
]);
export type TextRun = z.infer<typeof TextRun>;

const Runs = List(TextRun, L.runs);

export const Block = z.union([
  z.object({ type: z.literal('paragraph'), content: Runs }),
  z.object({ type: z.literal('heading'), content: Runs }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: List(Runs, L.items) }),
]);
export type Block = z.infer<typeof Block>;

export const RichText = List(Block, L.blocks);
export type RichText = z.infer<typeof RichText>;
