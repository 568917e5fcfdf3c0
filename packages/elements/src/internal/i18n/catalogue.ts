/**
 * A widget's messages: Vietnamese, shipped with the widget; English, fetched the first time a widget renders
 * in English (a Vietnamese page never downloads it); and whatever the page registered (see `registry.ts`),
 * merged on top.
 */
import type { Lang } from '../config.js';
import { registeredLayers, registryVersion, type CatalogueName, type MotcuaMessages } from './registry.js';

export interface Catalogue<N extends CatalogueName = CatalogueName> {
  readonly name: N;
  readonly vi: MotcuaMessages[N];
  /** The English messages once loaded, else undefined. */
  en: MotcuaMessages[N] | undefined;
  /** Load English once; a failed load resolves (the widget stays Vietnamese) and is retried on the next call. */
  loadEnglish(): Promise<void>;
  /** The messages for built-in language `lang` with the layers registered for `locale` and `lang` on top. */
  in(lang: Lang, locale: string): MotcuaMessages[N];
}

type Messages = Record<string, unknown>;

const isGroup = (v: unknown): v is Messages => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * `base` with `layer` on top: groups merge key by key, anything else is replaced. A plain string given where
 * a message is a function (easy to do from a page script) is used whatever the arguments.
 */
function merge(base: Messages, layer: Messages): Messages {
  const out: Messages = { ...base };
  for (const [key, value] of Object.entries(layer)) {
    const was = base[key];
    if (value === undefined) continue;
    out[key] =
      isGroup(was) && isGroup(value) ? merge(was, value)
      : typeof was === 'function' && typeof value === 'string' ? () => value
      : value;
  }
  return out;
}

/** Declare catalogue `name`: its Vietnamese messages and how to import its English ones. */
export function catalogue<N extends CatalogueName>(
  name: N,
  vi: MotcuaMessages[N],
  importEnglish: () => Promise<{ en: MotcuaMessages[N] }>,
): Catalogue<N> {
  let loading: Promise<void> | undefined;
  // The last messages merged, and for what: widgets on one page mostly share a language.
  let merged: MotcuaMessages[N] = vi;
  let mergedFor = '';
  const c: Catalogue<N> = {
    name,
    vi,
    en: undefined,
    loadEnglish() {
      loading ??= importEnglish().then(
        (module) => void (c.en = module.en),
        () => void (loading = undefined),
      );
      return loading;
    },
    in(lang, locale) {
      const builtIn = (lang === 'en' && c.en) || vi;
      const key = `${lang} ${locale} ${registryVersion} ${builtIn === vi}`;
      if (key !== mergedFor) {
        const layers = [...registeredLayers(lang, name), ...(locale === lang ? [] : registeredLayers(locale, name))];
        merged = layers.reduce<Messages>((m, layer) => merge(m, layer as Messages), builtIn as Messages) as MotcuaMessages[N];
        mergedFor = key;
      }
      return merged;
    },
  };
  return c;
}
