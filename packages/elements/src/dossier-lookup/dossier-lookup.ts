import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import {
  canRate,
  dossierTiming,
  statusGroup,
  statusLabel,
  type DossierStatus,
  type DossierStatusGroup,
  type DossierView,
  type HistoryEvent,
  type ServiceInfo,
} from '@motcua/sdk';
import { MotcuaElement } from '../internal/motcua-element.js';
import { classifyError, isTransient, type ClassifiedError, type ErrorKind } from '../internal/error-kind.js';
import { formatDate } from '../internal/i18n/format.js';
import { messages, type LookupMessages } from './messages.js';
import { icon } from '../internal/icons.js';
import { readUrlParam } from '../internal/url-param.js';
import { codeFeedback, type CodeFeedback } from './code-feedback.js';
import { canScanQr, codeFromQr, readQr } from './qr.js';
import { lookupStyles } from './styles.js';

/** Detail of `motcua-lookup`: the normalised code about to be looked up. */
export interface MotcuaLookupDetail {
  code: string;
}
/** Detail of `motcua-result`: the dossier found. */
export interface MotcuaResultDetail {
  dossier: DossierView;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** A lookup starts (after the code passed the format check). */
    'motcua-lookup': CustomEvent<MotcuaLookupDetail>;
    /** A dossier was found and is shown. */
    'motcua-result': CustomEvent<MotcuaResultDetail>;
  }
}

type LookupArgs = readonly [code: string, verify: string | undefined];

const FOUR_DIGITS = /^[0-9]{4}$/;

/**
 * Dossier lookup: a citizen types (or pastes, or scans) the code on their receipt and sees the dossier's
 * status, dates, on-time badge and processing history, and can rate the service once it is settled.
 *
 * @summary Look up a dossier by the code on its receipt.
 *
 * @attr api - API base URL (else `<meta name="motcua:api">`, else `window.motcua.api`).
 * @attr code - Look this code up as soon as the element connects (a deep link).
 * @attr url-param - Opt-in: read the code from this query parameter of the page URL (e.g. `ma_ho_so`).
 * @attr timeout - Per-lookup time limit in milliseconds (the SDK default is 10 000).
 * @attr heading-level - Outline level of the widget title (default 2).
 * @attr lang - `vi` (default) or `en`; inherited from ancestors and `<html lang>`.
 *
 * @event motcua-lookup - `{ code }`: a lookup starts.
 * @event motcua-result - `{ dossier }`: a dossier is shown.
 * @event motcua-error - `{ kind, code }`: the lookup failed (`bad_format`, `not_found`, `verification_required`,
 *   `rate_limited`, `offline`, `timeout`, `server`, `config`).
 *
 * @csspart base - The widget's frame.
 * @csspart header - The title band.
 * @csspart form - The search form.
 * @csspart input - The code field (and the verification field).
 * @csspart feedback - The format message under the code field.
 * @csspart button - The search button.
 * @csspart scan - The "scan QR code" button (only where the browser can read QR codes).
 * @csspart result - The result area (`aria-busy` while loading).
 * @csspart status - The status badge.
 * @csspart timing - The on-time / overdue badge.
 * @csspart history - The processing timeline (an ordered list).
 * @csspart rate - The "rate this dossier" button.
 * @csspart error - An error message box; @csspart retry - its retry button.
 */
export class MotcuaDossierLookup extends MotcuaElement {
  static override styles = [MotcuaElement.styles, lookupStyles];

  static override properties = {
    code: {},
    urlParam: { attribute: 'url-param' },
    timeout: { type: Number },
    _input: { state: true },
    _settled: { state: true },
    _verify: { state: true },
    _needVerify: { state: true },
    _verifyError: { state: true },
    _canScan: { state: true },
    _scanFailed: { state: true },
    _rating: { state: true },
    _announce: { state: true },
  };

  /** A code to look up on connect (deep link). */
  declare code: string | undefined;
  /** Query parameter of the page URL to read a code from, e.g. `ma_ho_so`; off unless set. */
  declare urlParam: string | undefined;
  /** Time limit of one lookup in milliseconds. */
  declare timeout: number | undefined;

  declare private _input: string;
  declare private _settled: boolean;
  declare private _verify: string;
  declare private _needVerify: boolean;
  declare private _verifyError: boolean;
  declare private _canScan: boolean;
  declare private _scanFailed: boolean;
  declare private _rating: boolean;
  declare private _announce: string;

  #meta: Promise<ServiceInfo | null> | undefined;
  #metaFor: string | null = null;
  #args: LookupArgs | undefined;

  #task = new Task<LookupArgs, DossierView>(this, {
    autoRun: false,
    task: ([code, verify], { signal }) =>
      this.client.dossiers.get(code, { signal, verify, ...(this.timeout ? { timeout: this.timeout } : {}) }),
    onComplete: (dossier) => {
      this._rating = false;
      this._announce = this.#m.found(dossier.code, statusLabel(dossier.status as DossierStatus, this.lang_));
      this.emit('motcua-result', { dossier });
    },
    onError: (error) => {
      const failure = classifyError(error);
      if (failure.kind === 'verification_required') {
        this._needVerify = true;
        this.updateComplete.then(() => this.#focus('#verify'));
      }
      this._announce = this.#errorText(failure);
      this.reportFailure(error, this.#args?.[0] ?? null);
    },
  });

  constructor() {
    super();
    this._input = '';
    this._settled = false;
    this._verify = '';
    this._needVerify = false;
    this._verifyError = false;
    this._canScan = false;
    this._scanFailed = false;
    this._rating = false;
    this._announce = '';
  }

  readonly #messages = this.localize.use(messages);
  get #m(): LookupMessages {
    return this.#messages();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void canScanQr().then((ok) => (this._canScan = ok));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const fromUrl = !this.hasUpdated && this.urlParam ? readUrlParam(this.ownerDocument, this.urlParam) : null;
    const deepLink = (changed.has('code') && this.code) || fromUrl;
    if (deepLink) {
      this._input = deepLink;
      void this.updateComplete.then(() => this.#deepLink());
    }
  }

  /** Whether the server asks for a verification factor, asked once per API base URL. */
  #serviceInfo(): Promise<ServiceInfo | null> {
    const base = this.apiBase;
    if (!this.#meta || this.#metaFor !== base) {
      this.#metaFor = base;
      this.#meta = base
        ? this.client.meta.get().then(
            (info) => {
              if (info.dossierVerification === 'required') this._needVerify = true;
              return info;
            },
            () => null,
          )
        : Promise.resolve(null);
    }
    return this.#meta;
  }

  protected override firstUpdated(): void {
    void this.#serviceInfo();
  }

  async #deepLink(): Promise<void> {
    await this.#serviceInfo();
    // A link carries the code, never the verification factor: ask for it instead of failing.
    if (this._needVerify && !FOUR_DIGITS.test(this._verify)) {
      this._announce = this.#m.verificationRequired;
      await this.updateComplete;
      this.#focus('#verify');
      return;
    }
    this.#submit();
  }

  /** Validate the fields and start a lookup; returns false when the input was refused locally. */
  #submit(): boolean {
    this._settled = true;
    const feedback = codeFeedback(this._input, true);
    if (feedback.state !== 'valid') {
      this._announce = this.#feedbackText(feedback);
      this.#focus('#code');
      this.emit('motcua-error', { kind: 'bad_format', code: this._input.trim() || null });
      return false;
    }
    const verify = this._verify.trim();
    if (this._needVerify && !FOUR_DIGITS.test(verify)) {
      this._verifyError = true;
      this._announce = this.#m.verifyInvalid;
      this.#focus('#verify');
      return false;
    }
    this._verifyError = false;
    // The next code is judged leniently again while it is being typed.
    this._settled = false;
    this.#args = [feedback.code, this._needVerify ? verify : undefined];
    this._announce = this.#m.searching;
    this.emit('motcua-lookup', { code: feedback.code });
    void this.#task.run(this.#args);
    return true;
  }

  #focus(selector: string): void {
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#submit();
  };

  #onInput = (event: InputEvent): void => {
    this._input = (event.target as HTMLInputElement).value;
  };

  #onBlur = (): void => {
    if (this._input.trim()) this._settled = true;
  };

  #onVerifyInput = (event: InputEvent): void => {
    this._verify = (event.target as HTMLInputElement).value;
    if (this._verifyError && FOUR_DIGITS.test(this._verify.trim())) this._verifyError = false;
  };

  #onScanClick = (): void => {
    this.renderRoot.querySelector<HTMLInputElement>('#photo')?.click();
  };

  #onPhoto = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const payload = await readQr(file);
    this._scanFailed = !payload;
    if (!payload) {
      this._announce = this.#m.scanFailed;
      return;
    }
    this._input = codeFromQr(payload, this.urlParam || undefined);
    await this.updateComplete;
    this.#submit();
  };

  #openRating = async (): Promise<void> => {
    this._rating = true;
    await import('../rating/define.js');
    await this.updateComplete;
    const rating = this.renderRoot.querySelector<HTMLElement & { updateComplete?: Promise<unknown> }>('motcua-rating');
    await rating?.updateComplete;
    rating?.focus();
  };

  #retry = (): void => {
    if (this.#args) void this.#task.run(this.#args);
  };

  #feedbackText(feedback: CodeFeedback): string {
    const m = this.#m;
    if (feedback.state === 'valid') return m.codeValid;
    if (feedback.state !== 'invalid') return '';
    return m.reasons[feedback.reason](feedback.part ? m.parts[feedback.part] : null);
  }

  #errorText(failure: ClassifiedError): string {
    const m = this.#m;
    const byKind: Partial<Record<ErrorKind, string>> = {
      not_found: this.#args?.[1] ? m.notFoundVerified : m.notFound,
      verification_required: m.verificationRequired,
      bad_format: m.badFormat,
    };
    return byKind[failure.kind] ?? this.errorMessage(failure);
  }

  protected override render(): TemplateResult {
    const m = this.#m;
    const feedback = codeFeedback(this._input, this._settled);
    const invalid = feedback.state === 'invalid';
    const feedbackText = this.#feedbackText(feedback);
    const feedbackClass =
      invalid || this._scanFailed ? 'feedback--error' : feedback.state === 'valid' ? 'feedback--ok' : '';
    const pending = this.#task.status === TaskStatus.PENDING;
    return html`<div class="root" part="base" lang=${this.localize.locale}>
      ${this.heading(m.title, 0, 'header', 'header')}
      <div class="body">
        <form part="form" novalidate @submit=${this.#onSubmit}>
          <div class="field">
            <label for="code">${m.codeLabel}</label>
            <p id="code-hint" class="hint">${m.codeHint}</p>
            <div class="row">
              <input
                id="code"
                part="input"
                type="text"
                .value=${this._input}
                autocomplete="off"
                autocapitalize="characters"
                spellcheck="false"
                enterkeyhint="search"
                aria-describedby="code-hint code-feedback"
                aria-invalid=${invalid ? 'true' : 'false'}
                @input=${this.#onInput}
                @blur=${this.#onBlur}
              />
              ${this._canScan
                ? html`<button type="button" class="secondary" part="scan" @click=${this.#onScanClick}>
                      ${icon('qr')}${m.scan}
                    </button>
                    <input id="photo" type="file" accept="image/*" capture="environment" hidden @change=${this.#onPhoto} />`
                : nothing}
            </div>
            <p id="code-feedback" part="feedback" class=${`feedback ${feedbackClass}`}>${this._scanFailed ? m.scanFailed : feedbackText}</p>
          </div>
          ${this._needVerify
            ? html`<div class="field">
                <label for="verify">${m.verifyLabel}</label>
                <input
                  id="verify"
                  part="input verify"
                  type="text"
                  inputmode="numeric"
                  autocomplete="off"
                  maxlength="4"
                  class="short"
                  .value=${this._verify}
                  aria-invalid=${this._verifyError ? 'true' : 'false'}
                  aria-describedby="verify-feedback"
                  @input=${this.#onVerifyInput}
                />
                <p id="verify-feedback" class="feedback feedback--error">${this._verifyError ? m.verifyInvalid : ''}</p>
              </div>`
            : nothing}
          <div>
            <button type="submit" part="button">${icon('search')}${m.submit}</button>
          </div>
        </form>
        <p class="sr-only" role="status">${this._announce}</p>
        <div part="result" aria-busy=${pending ? 'true' : 'false'}>
          ${this.#task.render({
            pending: () => this.renderSkeleton(6),
            complete: (dossier) => this.#renderDossier(dossier),
            error: (error) => {
              const failure = classifyError(error);
              return this.renderError(this.#errorText(failure), isTransient(failure.kind) ? this.#retry : undefined);
            },
          })}
        </div>
      </div>
    </div>`;
  }

  #renderDossier(d: DossierView): TemplateResult {
    const m = this.#m;
    const lang = this.lang_;
    const status = d.status as DossierStatus;
    const group = statusGroup(status);
    const date = (v: string | null) => (v ? formatDate(v, lang) : null);
    // [label, value, wide]: long values get a whole row.
    const rows: [string, string | null, boolean?][] = [
      [m.code, d.code, true],
      [m.nationalCode, d.nationalCode, true],
      [m.received, date(d.receivedAt)],
      [m.appointment, date(d.appointmentAt)],
      [m.finished, date(d.finishedAt)],
      [m.returned, date(d.returnedAt)],
      [m.applicant, d.applicant],
      [m.office, d.office?.name ?? d.unit?.name ?? null, true],
    ];
    return html`<article class="result" aria-labelledby="procedure">
      <div>
        <p class="muted">${m.procedure}</p>
        <div id="procedure">${this.heading(d.procedure.name, 1, 'procedure')}</div>
      </div>
      <div class="badges">
        <span class=${`badge badge--${group}`} part="status"
          >${icon(group)}<span class="sr-only">${m.status}: </span>${statusLabel(status, lang)}</span
        >
        ${this.#renderTiming(d, group)}
      </div>
      <dl class="facts">
        ${rows.map(([label, value, wide]) =>
          value ? html`<div class=${wide ? 'wide' : ''}><dt>${label}</dt><dd>${value}</dd></div>` : nothing,
        )}
      </dl>
      ${this.#renderRate(d)}
      <section class="history" aria-labelledby="history-title">
        <div id="history-title">${this.heading(m.history, 1)}</div>
        ${d.history.length
          ? html`<ol part="history" class="timeline" role="list">
              ${d.history.map((e) => this.#renderEvent(e))}
            </ol>`
          : html`<p class="muted">${m.historyEmpty}</p>`}
      </section>
    </article>`;
  }

  #renderTiming(d: DossierView, group: DossierStatusGroup): TemplateResult | typeof nothing {
    // A refused or withdrawn dossier was never going to meet its appointment: no badge.
    if (!d.appointmentAt || group === 'closed') return nothing;
    let timing;
    try {
      timing = dossierTiming({ appointment: d.appointmentAt, finished: d.finishedAt });
    } catch {
      return nothing;
    }
    const days =
      'daysEarly' in timing ? timing.daysEarly
      : 'daysLate' in timing ? timing.daysLate
      : 'daysLeft' in timing ? timing.daysLeft
      : 'daysOverdue' in timing ? timing.daysOverdue
      : 0;
    const tone = timing.state === 'late' || timing.state === 'overdue' ? 'bad' : timing.state === 'on_track' ? 'info' : 'good';
    return html`<span class=${`badge badge--${tone}`} part="timing"
      >${icon(tone === 'bad' ? 'alert' : tone === 'info' ? 'in_progress' : 'done')}${this.#m.timing[timing.state](days)}</span
    >`;
  }

  #renderRate(d: DossierView): TemplateResult | typeof nothing {
    const m = this.#m;
    if (d.rated) return html`<p class="muted">${m.rated}</p>`;
    if (!canRate(d.status as DossierStatus)) return nothing;
    if (this._rating) {
      return html`<motcua-rating
        dossier=${d.code}
        api=${this.apiBase ?? nothing}
        heading-level=${Math.min(6, (this.headingLevel || 2) + 1)}
      ></motcua-rating>`;
    }
    return html`<div><button type="button" class="secondary" part="rate" @click=${this.#openRating}>
      ${icon('star')}${m.rate}
    </button></div>`;
  }

  #renderEvent(e: HistoryEvent): TemplateResult {
    const details = [e.unit, e.officerTitle].filter(Boolean).join(' · ');
    return html`<li>
      <time datetime=${e.at}>${formatDate(e.at, this.lang_, true)}</time>
      <p class="action">${e.action}</p>
      ${details ? html`<p class="muted">${details}</p>` : nothing}
      ${e.status ? html`<p class="muted">${statusLabel(e.status as DossierStatus, this.lang_)}</p>` : nothing}
    </li>`;
  }
}
