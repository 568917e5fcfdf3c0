import type { LanguageMessages } from './i18n/registry.js';

/**
 * Configuration a webmaster sets without writing JavaScript.
 *
 * API base URL (the URL under which `/v1/…` lives), first match wins:
 * 1. the element's `api` attribute: `<motcua-dossier-lookup api="https://dvc.example.gov.vn/motcua">`;
 * 2. a document-level `<meta name="motcua:api" content="https://dvc.example.gov.vn/motcua">`;
 * 3. a global set by script before or after the widgets load: `window.motcua = { api: '…' }`.
 *
 * Language: the element's `lang`, else the closest ancestor with `lang` (crossing shadow roots), else
 * `<html lang>`; `en…` selects English, a language registered with `registerMessages` that language, anything
 * else Vietnamese.
 */

/** Languages with a message catalogue. */
export type Lang = 'vi' | 'en';

/** The page-level settings object read by {@link resolveApi}. */
export interface MotcuaGlobalConfig {
  /** API base URL used by every widget that has no `api` attribute and finds no `<meta name="motcua:api">`. */
  api?: string;
  /**
   * Messages by language, then catalogue (`common` or a widget's tag), registered when a widget first
   * renders: `{ tay: { 'motcua-rating': { title: '…' } } }` (see `registerMessages`).
   */
  messages?: Record<string, LanguageMessages>;
}

declare global {
  interface Window {
    /** Page-level settings for the motcua widgets (see `resolveApi`). */
    motcua?: MotcuaGlobalConfig;
  }
}

/** Name of the `<meta>` element that carries a page-wide API base URL. */
export const API_META_NAME = 'motcua:api';

/**
 * A base URL as webmasters write it, as the SDK wants it: `https://x/motcua/v1/`, `https://x/motcua/v1` and
 * `https://x/motcua/` all mean `https://x/motcua` (the SDK adds `/v1/…` itself).
 */
export function normalizeApiBase(url: string): string {
  return url.trim().replace(/\/+$/, '').replace(/\/v1$/i, '') || '/';
}

/** The API base URL for `el`, or `null` when nothing configures one. */
export function resolveApi(el: Element, attribute: string | null | undefined): string | null {
  const doc = el.ownerDocument;
  const global = doc.defaultView?.motcua?.api;
  const found =
    attribute?.trim() ||
    doc.querySelector<HTMLMetaElement>(`meta[name="${API_META_NAME}"]`)?.content.trim() ||
    (typeof global === 'string' ? global.trim() : '');
  return found ? normalizeApiBase(found) : null;
}

const warned = new Set<string>();

/** One console warning per problem and page, however many widgets meet it. */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`[motcua] ${message}`);
}

/** What a webmaster reads in the console when a widget finds no API base URL. */
export const missingApiWarning = (tag: string): string =>
  `<${tag}> has no API base URL. Set <${tag} api="https://…">, <meta name="${API_META_NAME}" content="https://…"> or ` +
  `window.motcua = { api: "https://…" }: the URL under which /v1/… lives.`;

/** What a webmaster reads when the API base URL set does not answer. */
export const unreachableApiWarning = (base: string): string =>
  `No answer from the API at ${base}. Check the api attribute or <meta name="${API_META_NAME}"> (the URL under which ` +
  `/v1/… lives) and that the server allows this origin (CORS).`;

/** Maps a BCP 47 tag to a catalogue language: `en`, `en-GB` → `en`; everything else → `vi`. */
export function toLang(tag: string | null | undefined): Lang {
  return /^en\b/i.test(tag?.trim() ?? '') ? 'en' : 'vi';
}

/** The language tag in effect for `el`: its own or an ancestor's `lang`, across shadow roots, then `<html lang>`. */
export function resolveLangTag(el: Element): string {
  let node: Element | null = el;
  while (node) {
    const withLang = node.closest('[lang]')?.getAttribute('lang');
    if (withLang) return withLang;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return el.ownerDocument.documentElement.lang;
}

/** The catalogue language in effect for `el` (see {@link resolveLangTag}). */
export function resolveLang(el: Element): Lang {
  return toLang(resolveLangTag(el));
}
