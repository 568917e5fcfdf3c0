import * as z from 'zod/mini';
import { SafeUrl } from './common.js';

/**
 * Procedure content (steps, requirements, results) arrives from the national portal as HTML or plain text.
 * The server converts it at import into these blocks, so the contract carries no HTML and a browser has
 * nothing to sanitise: a run is plain text, or text with a link whose scheme is known to be safe.
 */
export const TextRun = z.union([
  z.string().check(z.maxLength(20_000)),
  z.object({ text: z.string().check(z.minLength(1), z.maxLength(2000)), href: SafeUrl }),
]);
export type TextRun = z.infer<typeof TextRun>;

const Runs = z.array(TextRun).check(z.maxLength(500));

export const Block = z.union([
  z.object({ type: z.literal('paragraph'), content: Runs }),
  z.object({ type: z.literal('heading'), content: Runs }),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(Runs).check(z.maxLength(500)) }),
]);
export type Block = z.infer<typeof Block>;

export const RichText = z.array(Block).check(z.maxLength(1000));
export type RichText = z.infer<typeof RichText>;
