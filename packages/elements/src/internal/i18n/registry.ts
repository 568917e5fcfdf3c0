/**
 * Wording a province adds or changes without a build: a language of its own, or other words for a built-in one.
 *
 * ```js
 * import { registerMessages } from 'https://cdn.example.gov.vn/motcua/motcua.js';
 * registerMessages('tay', 'motcua-dossier-lookup', { title: 'Tra cứu hồ sơ (Tày)', submit: '…' });
 * registerMessages('vi', 'motcua-rating', { title: 'Ý kiến của bạn' }); // one label of the default
 * ```
 * or, from a classic script set before the widgets render: `window.motcua = { messages: { tay: { … } } }`.
 *
 * A catalogue is `common` (texts every widget shares) or a widget's tag. Messages may be partial, nested
 * groups too: what a registered language leaves out comes from Vietnamese (from English for an `en-…` tag).
 * Registering again adds on top; widgets already on the page re-render.
 */
import type { CommonMessages } from './common.js';
import type { LookupMessages } from '../../dossier-lookup/messages.js';
import type { RatingMessages } from '../../rating/messages.js';
import type { FinderMessages } from '../../procedure-finder/messages.js';
import type { DirectoryMessages } from '../../counter-directory/messages.js';
import type { StatsMessages } from '../../stats/messages.js';

/** Every message catalogue, by name, with its (Vietnamese) shape. */
export interface MotcuaMessages {
  common: CommonMessages;
  'motcua-dossier-lookup': LookupMessages;
  'motcua-rating': RatingMessages;
  'motcua-procedure-finder': FinderMessages;
  'motcua-counter-directory': DirectoryMessages;
  'motcua-stats': StatsMessages;
}

/** The name of a catalogue: `common` or a widget's tag. */
export type CatalogueName = keyof MotcuaMessages;

/** Any part of a catalogue: groups (`levels`, `errors`…) may be partial too; lists and functions come whole. */
export type PartialMessages<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown
    ? T[K]
    : T[K] extends readonly unknown[]
      ? T[K]
      : T[K] extends object
        ? PartialMessages<T[K]>
        : T[K];
};

/** Messages of one language for several catalogues, as `window.motcua.messages[lang]` holds them. */
export type LanguageMessages = { [N in CatalogueName]?: PartialMessages<MotcuaMessages[N]> };

/** language → catalogue → the layers registered, oldest first. */
const layers = new Map<string, Map<string, object[]>>();
const listeners = new Set<() => void>();
/** The `window.motcua.messages` object last registered. */
let adopted: object | undefined;

/** Bumped by every registration, so merged catalogues know when to be recomputed. */
export let registryVersion = 0;

/** The key a language is registered under: its primary subtag in lower case (`tay-VN` → `tay`). */
export const languageKey = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** Add (or override) messages of catalogue `name` in language `lang`; widgets on the page re-render. */
export function registerMessages<N extends CatalogueName>(
  lang: string,
  name: N,
  messages: PartialMessages<MotcuaMessages[N]>,
): void {
  if (add(lang, name, messages)) listeners.forEach((listener) => listener());
}

function add(lang: string, name: string, messages: unknown): boolean {
  const key = languageKey(lang);
  if (!key || !messages || typeof messages !== 'object') return false;
  let byName = layers.get(key);
  if (!byName) layers.set(key, (byName = new Map()));
  byName.set(name, [...(byName.get(name) ?? []), messages]);
  registryVersion++;
  return true;
}

/**
 * Register what a classic script put in `window.motcua.messages` (once per object). Read while rendering, so
 * it notifies nobody: the widget asking is about to use it.
 */
function adoptPageMessages(): void {
  const page = (globalThis as { motcua?: { messages?: Record<string, LanguageMessages> } }).motcua?.messages;
  if (!page || typeof page !== 'object' || page === adopted) return;
  adopted = page;
  for (const [lang, catalogues] of Object.entries(page)) {
    for (const [name, messages] of Object.entries(catalogues ?? {})) add(lang, name, messages);
  }
}

/** The layers registered for catalogue `name` in language `key` (see {@link languageKey}), oldest first. */
export function registeredLayers(key: string, name: CatalogueName): readonly object[] {
  adoptPageMessages();
  return layers.get(key)?.get(name) ?? [];
}

/** Whether anything is registered for language `key`. */
export function isRegistered(key: string): boolean {
  adoptPageMessages();
  return layers.has(key);
}

/** Call `listener` after every registration; returns the unsubscribe function. */
export function onMessagesRegistered(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
