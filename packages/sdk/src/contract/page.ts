import * as z from 'zod/mini';
import { Int, List } from './common.js';

export const PAGE_LIMIT_MAX = 100;
export const PAGE_LIMIT_DEFAULT = 20;

/** Opaque cursor handed back by the server; clients never build one. */
export const Cursor = z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/));

/** A page of a list with cursor pagination: pass `nextCursor` back as `cursor` for the next page. */
export const Page = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: List(item, PAGE_LIMIT_MAX),
    nextCursor: z.nullable(Cursor),
    /** How many items match the query across all pages. */
    total: Int().check(z.gte(0)),
  });
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number;
}

export const Limit = Int().check(z.gte(1), z.lte(PAGE_LIMIT_MAX));

/** Most items a collection holds: a province has a few hundred fields, agencies, units or offices. */
export const COLLECTION_MAX = 5000;

/** A complete, bounded catalogue list (fields, agencies, units, offices): no pagination. */
export const Collection = <T extends z.ZodMiniType>(item: T) => z.object({ items: List(item, COLLECTION_MAX) });
export interface Collection<T> {
  items: T[];
}
