/**
 * The language of one widget and its messages in it (after Shoelace's LocalizeController). The language is the
 * element's `lang`, else the closest ancestor's (across shadow roots), else `<html lang>`; it is followed when
 * any of them changes, and when the page registers messages (see `registry.ts`).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLangTag, toLang, type Lang } from '../config.js';
import { observeLang } from '../lang-observer.js';
import type { Catalogue } from './catalogue.js';
import { common, type CommonMessages } from './common.js';
import { isRegistered, languageKey, onMessagesRegistered, type CatalogueName, type MotcuaMessages } from './registry.js';

export class LocalizeController implements ReactiveController {
  /** The built-in language in effect (`vi` or `en`): the base of the messages, and of dates and numbers. */
  lang: Lang = 'vi';
  /** The language the texts are in: a registered one (`tay`), else {@link lang}. */
  locale = 'vi';

  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #catalogues: Catalogue[] = [common];
  #unsubscribe: (() => void)[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Use catalogue `c` (its English is fetched with the shared one); returns the getter of its messages. */
  use<N extends CatalogueName>(c: Catalogue<N>): () => MotcuaMessages[N] {
    this.#catalogues.push(c);
    return () => c.in(this.lang, this.locale);
  }

  /** Messages shared by every widget, in the language in effect. */
  get common(): CommonMessages {
    return common.in(this.lang, this.locale);
  }

  hostConnected(): void {
    this.sync();
    const sync = () => this.sync();
    this.#unsubscribe = [observeLang(this.#host.ownerDocument, sync), onMessagesRegistered(() => this.sync(true))];
  }

  hostDisconnected(): void {
    this.#unsubscribe.forEach((unsubscribe) => unsubscribe());
    this.#unsubscribe = [];
  }

  /** Find the language again; re-render when it changed (or always, with `force`). */
  sync(force = false): void {
    const tag = resolveLangTag(this.#host);
    const lang = toLang(tag);
    const key = languageKey(tag);
    const locale = key !== lang && isRegistered(key) ? key : lang;
    if (force || lang !== this.lang || locale !== this.locale) {
      this.lang = lang;
      this.locale = locale;
      this.#host.requestUpdate();
    }
  }

  /** Before rendering in English: the downloads of the English catalogues still missing, else null. */
  pending(): Promise<unknown> | null {
    if (this.lang !== 'en') return null;
    const missing = this.#catalogues.filter((c) => !c.en);
    return missing.length ? Promise.all(missing.map((c) => c.loadEnglish())) : null;
  }
}
