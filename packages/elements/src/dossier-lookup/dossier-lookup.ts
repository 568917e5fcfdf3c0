import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import {
  metaApi,
  canRate,
  statusLabel,
  type DossierStatus,
  type DossierView,
  type ServiceInfo,
} from '@motcua/sdk';
import { MotcuaElement } from '../internal/motcua-element.js';
import { classifyError, isTransient, type ClassifiedError, type ErrorKind } from '../internal/error-kind.js';
import { messages, type LookupMessages } from './messages.js';
import { icon } from '../internal/icons.js';
import { readUrlParam } from '../internal/url-param.js';
import { challengedLookup } from './challenged-lookup.js';
import { codeFeedback, type CodeFeedback } from './code-feedback.js';
import { renderDossier } from './dossier-detail.js';
import { renderLookupForm } from './lookup-form.js';
import { codeFromQr, readQr } from './qr.js';
import { Countdown } from './countdown.js';
import { renderShare, resultLink, shareLink } from './share.js';
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
 *   `rate_limited`, `challenge`, `offline`, `timeout`, `server`, `config`). After repeated misses the server may ask
 *   for a proof-of-work: the widget solves it by itself (saying so) and the lookup goes on.
 *
 * @csspart base - The widget's frame.
 * @csspart header - The title band.
 * @csspart form - The search form.
 * @csspart input - The code field (and the verification field).
 * @csspart feedback - The format message under the code field.
 * @csspart button - The search button.
 * @csspart scan - The "scan QR code" button (the browser's detector, else a decoder loaded on first use).
 * @csspart next-step - What the citizen must do next (documents or fees requested), or that the desk has yet to accept.
 * @csspart calendar - The "add the due date to my calendar" link (an `.ics` file).
 * @csspart share - The share (or copy link) button, with `url-param`.
 * @csspart result - The result area (`aria-busy` while loading).
 * @csspart challenge - The note shown while the browser solves the server's proof-of-work.
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
    _stale: { state: true },
    _shareManual: { state: true },
    _scanFailed: { state: true },
    _rating: { state: true },
    _announce: { state: true },
    _challenge: { state: true },
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
  /** The input changed since the result shown: hide it rather than show a dossier for another code. */
  declare private _stale: boolean;
  declare private _shareManual: boolean;
  declare private _scanFailed: boolean;
  declare private _rating: boolean;
  declare private _announce: string;
  /** The server asked for a proof-of-work, and the browser is solving it. */
  declare private _challenge: boolean;

  #meta: Promise<ServiceInfo | null> | undefined;
  #metaFor: string | null = null;
  #args: LookupArgs | undefined;

  #task = new Task<LookupArgs, DossierView>(this, {
    autoRun: false,
    task: async ([code, verify], { signal }) => {
      const options = { signal, verify, ...(this.timeout ? { timeout: this.timeout } : {}) };
      try {
        return await challengedLookup(this.transport, code, options, () => {
          this._challenge = true;
          this._announce = this.#m.challenging;
        });
      } finally {
        this._challenge = false;
      }
    },
    onComplete: (dossier) => {
      this._rating = false;
      this._shareManual = false;
      this._announce = this.#m.found(dossier.code, statusLabel(dossier.status as DossierStatus, this.lang_));
      this.emit('motcua-result', { dossier });
    },
    onError: (error) => {
      const failure = classifyError(error);
      if (failure.kind === 'verification_required') {
        this._needVerify = true;
        this.updateComplete.then(() => this.#focus('#verify'));
      }
      if (failure.kind === 'rate_limited' && failure.retryAfter) this.#countdown.start(failure.retryAfter);
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
    this._stale = false;
    this._shareManual = false;
    this._scanFailed = false;
    this._rating = false;
    this._announce = '';
    this._challenge = false;
  }

  readonly #messages = this.localize.use(messages);
  get #m(): LookupMessages {
    return this.#messages();
  }

  #countdown = new Countdown(this, () => (this._announce = this.#m.rateLimitedDone));

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const fromUrl = !this.hasUpdated && this.urlParam ? readUrlParam(this.ownerDocument, this.urlParam) : null;
    const deepLink = (changed.has('code') && this.code) || fromUrl;
    if (deepLink) {
      this._input = deepLink;
      void this.updateComplete.then(() => this.#deepLink());
    }
  }

  /** Whether the server asks for a verification factor (shows the field before a lookup), asked once per API base URL. */
  #serviceInfo(): Promise<ServiceInfo | null> {
    const base = this.apiBase;
    if (!this.#meta || this.#metaFor !== base) {
      this.#metaFor = base;
      this.#meta = base
        ? metaApi(this.transport).get().then(
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
    // The lookup starts at once, beside /v1/meta rather than after it: a server that wants the factor the link
    // lacks answers verification_required, which asks for it (onError), one round trip sooner for everyone else.
    // A link carries the code, never the verification factor: when meta already said so, ask for it.
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
      this._stale = true;
      this._announce = this.#feedbackText(feedback);
      this.#focus('#code');
      this.emit('motcua-error', { kind: 'bad_format', code: this._input.trim() || null });
      return false;
    }
    const verify = this._verify.trim();
    if (this._needVerify && !FOUR_DIGITS.test(verify)) {
      this._stale = true;
      this._verifyError = true;
      this._announce = this.#m.verifyInvalid;
      this.#focus('#verify');
      return false;
    }
    this._verifyError = false;
    this._stale = false;
    this.#countdown.stop();
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
    const typed = codeFeedback(this._input, true);
    this._stale = typed.state !== 'valid' || typed.code !== this.#args?.[0];
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
    if (this.#args && !this.#countdown.left) void this.#task.run(this.#args);
  };

  #share = async (): Promise<void> => {
    const dossier = this.#task.value;
    if (!dossier || !this.urlParam) return;
    const outcome = await shareLink(resultLink(this.ownerDocument, this.urlParam, dossier.code), this.#m.title);
    this._shareManual = outcome === 'manual';
    if (outcome === 'copied') this._announce = this.#m.copied;
    if (this._shareManual) {
      await this.updateComplete;
      this.#focus('#share-link');
    }
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
      challenge: m.challengeFailed,
    };
    return byKind[failure.kind] ?? this.errorMessage(failure);
  }

  protected override render(): TemplateResult {
    const m = this.#m;
    const feedback = codeFeedback(this._input, this._settled);
    const invalid = feedback.state === 'invalid';
    const pending = this.#task.status === TaskStatus.PENDING;
    return html`<div class="root" part="base" lang=${this.localize.locale}>
      ${this.heading(m.title, 0, 'header', 'header')}
      <div class="body">
        ${renderLookupForm(m, {
          code: this._input,
          feedback: this._scanFailed ? m.scanFailed : this.#feedbackText(feedback),
          feedbackTone: invalid || this._scanFailed ? 'error' : feedback.state === 'valid' ? 'ok' : '',
          codeInvalid: invalid,
          needVerify: this._needVerify,
          verify: this._verify,
          verifyInvalid: this._verifyError,
          on: {
            submit: this.#onSubmit,
            input: this.#onInput,
            blur: this.#onBlur,
            verifyInput: this.#onVerifyInput,
            scanClick: this.#onScanClick,
            photo: this.#onPhoto,
          },
        })}
        <p class="sr-only" role="status">${this._announce}</p>
        <div part="result" aria-busy=${pending ? 'true' : 'false'}>
          ${this._stale && !pending
            ? nothing
            : this.#task.render({
                pending: () =>
                  html`${this._challenge ? html`<p class="muted" part="challenge">${m.challenging}</p>` : nothing}${this.renderSkeleton(6)}`,
                complete: (dossier) =>
                  renderDossier(dossier, this.#m, this.lang_, {
                    heading: (text, depth, cls) => this.heading(text, depth, cls),
                    rate: this.#renderRate(dossier),
                    share: this.urlParam
                      ? renderShare(m, resultLink(this.ownerDocument, this.urlParam, dossier.code), this._shareManual, this.#share)
                      : nothing,
                  }),
                error: (error) => this.#renderFailure(classifyError(error)),
              })}
        </div>
      </div>
    </div>`;
  }

  #renderFailure(failure: ClassifiedError): TemplateResult {
    if (failure.kind !== 'rate_limited' || !failure.retryAfter) {
      return this.renderError(this.#errorText(failure), isTransient(failure.kind) ? this.#retry : undefined);
    }
    const left = this.#countdown.left;
    return this.renderError(left ? this.commonMessages.errors.rateLimited(left) : this.#m.rateLimitedDone, this.#retry, left > 0);
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
}
