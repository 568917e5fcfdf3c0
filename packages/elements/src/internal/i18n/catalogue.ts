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
  readonly en: MotcuaMessages[N] | undefined;
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
  let en: MotcuaMessages[N] | undefined;
  let loading: Promise<void> | undefined;
  let merged = new Map<string, MotcuaMessages[N]>();
  let version = -1;
  return {
    name,
    vi,
    get en() {
      return en;
    },
    loadEnglish() {
      loading ??= importEnglish().then(
        (module) => void ((en = module.en), (merged = new Map())),
        () => void (loading = undefined),
      );
      return loading;
    },
    in(lang, locale) {
      if (version !== registryVersion()) {
        version = registryVersion();
        merged = new Map();
      }
      const key = `${lang} ${locale}`;
      let messages = merged.get(key);
      if (!messages) {
        const builtIn = (lang === 'en' && en) || vi;
        const layers = [...registeredLayers(lang, name), ...(locale === lang ? [] : registeredLayers(locale, name))];
        messages = layers.reduce<Messages>((m, layer) => merge(m, layer as Messages), builtIn as Messages) as MotcuaMessages[N];
        merged.set(key, messages);
      }
      return messages;
    },
  };
}
