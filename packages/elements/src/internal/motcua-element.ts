import { LitElement, html, type CSSResultGroup, type PropertyDeclarations, type TemplateResult } from 'lit';
import { VERSION } from '../version.js';
import { baseStyles } from './theme.js';
import { LocalizeController } from './i18n/localize.js';
import type { CommonMessages } from './i18n/common.js';
import { missingApiWarning, resolveApi, unreachableApiWarning, warnOnce, type Lang } from './config.js';
import type { Transport } from '@motcua/sdk';
import { transportFor } from './clients.js';
import { ConfigError, classifyError, isAbort, navigatorOffline, type ClassifiedError } from './error-kind.js';
import type { EmitArgs, EmitOptions, MotcuaEventDetail, MotcuaEventName } from './events.js';

/**
 * Base class of every motcua widget: configuration without JavaScript, language, the shared SDK transport,
 * typed events and the shared theme. Subclasses add `static styles = [MotcuaElement.styles, own]`.
 *
 * The theme's custom properties (set them on the widget, or on `:root` for the whole site):
 * @cssprop [--motcua-font-family=system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif] Text font.
 * @cssprop [--motcua-font-size=max(1rem, 16px)] Base text size (never below 16 px, even on `html { font-size: 62.5% }` sites).
 * @cssprop [--motcua-color-primary=#9f1c20] Header band and primary button (deep red; white text on it is 7.9:1).
 * @cssprop [--motcua-color-on-primary=#ffffff] Text on the primary colour.
 * @cssprop [--motcua-color-accent=#0b4a8b] Links, selected choices, headings (deep blue, 8.9:1 on white).
 * @cssprop [--motcua-color-focus=#0b5cad] Focus ring (3 px outline, 2 px offset).
 * @cssprop [--motcua-color-text=#1f2328] Body text (15.8:1 on white).
 * @cssprop [--motcua-color-muted=#4d5561] Secondary text (7.5:1 on white).
 * @cssprop [--motcua-color-surface=#ffffff] Widget background.
 * @cssprop [--motcua-color-surface-alt=#f5f6f8] Panels and skeleton background.
 * @cssprop [--motcua-color-border=#767f89] Borders of inputs and panels (4:1 on white, above the 3:1 UI minimum).
 * @cssprop [--motcua-color-success=#116329] Done, on time, open now, online badges, thanks (7.4:1).
 * @cssprop [--motcua-color-warning=#7a4d00] Paused, due soon (7.3:1).
 * @cssprop [--motcua-color-danger=#a40e26] Errors, overdue, refused, closed (7.9:1).
 * @cssprop [--motcua-color-info=#0a4f9e] Submitted, in progress, "now serves the former …" (8:1).
 * @cssprop [--motcua-radius=6px] Corner radius.
 * @cssprop [--motcua-space=0.5rem] Base spacing unit; gaps are multiples of it.
 */
export class MotcuaElement extends LitElement {
  /** The library version this class was built from (compared by `defineElement`). */
  static readonly version: string = VERSION;

  static override styles: CSSResultGroup = baseStyles;

  // Lit merges these with each subclass's own `properties`.
  static override properties: PropertyDeclarations = {
    api: {},
    unit: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  /**
   * API base URL (under which `/v1/…` lives). When absent: `<meta name="motcua:api" content="…">`, then
   * `window.motcua.api`.
   */
  declare api: string | undefined;
  /** The site's administrative unit code (e.g. `06220`), so a commune site sees its own data first. */
  declare unit: string | undefined;
  /** Outline level of the widget's title (2 by default); its inner headings are one level deeper. */
  declare headingLevel: number;

  constructor() {
    super();
    this.headingLevel = 2;
    // Without an API a widget can do nothing: it says so at once (and the console says how to fix it), rather
    // than showing a form whose every submission fails.
    const own = this.render;
    this.render = () => (this.apiBase ? own.call(this) : this.renderUnconfigured());
  }

  /** The whole widget when no API base URL is configured. */
  protected renderUnconfigured(): TemplateResult {
    warnOnce(`api:${this.localName}`, missingApiWarning(this.localName));
    return html`<div class="alert alert--error" part="error" lang=${this.localize.locale}>
      <p>${this.commonMessages.errors.config}</p>
    </div>`;
  }

  /** The language and the messages in it; a widget adds its catalogue with `this.localize.use(…)`. */
  protected readonly localize = new LocalizeController(this);

  /** The built-in language in effect (`vi` or `en`), for dates and numbers. */
  protected get lang_(): Lang {
    return this.localize.lang;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.localize.sync();
  }

  /** The effective language (`vi` or `en`). */
  get effectiveLang(): Lang {
    return this.lang_;
  }

  /** Messages shared by every widget, in the effective language. */
  protected get commonMessages(): CommonMessages {
    return this.localize.common;
  }

  /**
   * Before rendering in English the first time, fetch the English catalogues, the shared one and the widget's
   * own, in parallel (Vietnamese ships with the widget).
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.localize.pending();
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** The resolved API base URL, or `null` when none is configured. */
  get apiBase(): string | null {
    return resolveApi(this, this.api);
  }

  /**
   * The shared SDK transport for the resolved API base URL, for the resource functions
   * (`dossiersApi(this.transport)`); throws {@link ConfigError} when there is none.
   */
  protected get transport(): Transport {
    const base = this.apiBase;
    if (!base) throw new ConfigError('No API base URL: set the api attribute, <meta name="motcua:api"> or window.motcua.api');
    return transportFor(base);
  }

  /**
   * Dispatch a typed `motcua-*` event from the host: bubbling, composed (it leaves the shadow root).
   * `detail` is required exactly when the event declares one.
   */
  protected emit<K extends MotcuaEventName>(name: K, ...args: EmitArgs<K>): CustomEvent<MotcuaEventDetail<K>> {
    const [detail, options] = args as [MotcuaEventDetail<K>, EmitOptions | undefined];
    const event = new CustomEvent(name, {
      bubbles: true,
      composed: true,
      cancelable: options?.cancelable ?? false,
      detail,
    });
    this.dispatchEvent(event);
    return event;
  }

  /**
   * Tell the page that loading or sending failed (`motcua-error`), unless the request was cancelled on purpose.
   * `code` is the dossier, procedure or unit concerned, if any.
   */
  protected reportFailure(error: unknown, code: string | null): void {
    if (isAbort(error)) return;
    const { kind } = classifyError(error);
    const base = this.apiBase;
    if (kind === 'offline' && base && !navigatorOffline()) warnOnce(`reach:${base}`, unreachableApiWarning(base));
    this.emit('motcua-error', { kind, code });
  }

  /** The translated message for a classified error that every widget shows the same way. */
  protected errorMessage({ kind, retryAfter }: ClassifiedError): string {
    const m = this.commonMessages.errors;
    switch (kind) {
      case 'offline':
        return navigatorOffline() ? m.offlineBrowser : m.offline;
      case 'timeout':
        return m.timeout;
      case 'rate_limited':
        return m.rateLimited(retryAfter);
      case 'config':
        return m.config;
      case 'invalid':
      case 'bad_format':
        return m.invalid;
      default:
        return m.server;
    }
  }

  /** A heading at the widget's level plus `depth` (as ARIA, so the level is set by an attribute). */
  protected heading(text: string, depth = 0, cls = '', part = ''): TemplateResult {
    const level = Math.min(6, Math.max(1, Math.trunc(this.headingLevel || 2) + depth));
    return html`<div role="heading" aria-level=${level} class=${`h ${cls}`} part=${part}>${text}</div>`;
  }

  /** An error box with a message and, when `retry` is given, a retry button (disabled while `wait`). */
  protected renderError(message: string, retry?: () => void, wait = false): TemplateResult {
    return html`<div class="alert alert--error" part="error">
      <p>${message}</p>
      ${retry
        ? html`<button type="button" class="secondary" part="retry" ?disabled=${wait} @click=${retry}>
            ${this.commonMessages.retry}
          </button>`
        : null}
    </div>`;
  }

  /** The error box for `error` (classified and translated), with a retry button when `retry` is given. */
  protected renderFailure(error: unknown, retry?: () => void): TemplateResult {
    return this.renderError(this.errorMessage(classifyError(error)), retry);
  }

  /** A loading placeholder; the live region and `aria-busy` on the container tell assistive technology. */
  protected renderSkeleton(lines = 4): TemplateResult {
    return html`<div class="skeleton" part="skeleton" aria-hidden="true">
      ${Array.from({ length: lines }, () => html`<span></span>`)}
    </div>`;
  }
}
