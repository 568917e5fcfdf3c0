import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import {
  RATING_COMMENT_MAX,
  RATING_INDICATORS,
  RATING_LEVELS,
  type RatingIndicator,
  type RatingLevel,
  type RatingReceipt,
  type RatingSubmission,
  type RatingSummary,
  type RatingTarget,
} from '@motcua/sdk';
import { MotcuaElement } from '../internal/motcua-element.js';
import { classifyError, isTransient, type ClassifiedError } from '../internal/error-kind.js';
import { icon } from '../internal/icons.js';
import { formatPercent } from '../internal/i18n/format.js';
import { messages, type RatingMessages } from './messages.js';
import { newIdempotencyKey } from './idempotency-key.js';
import { enqueueRating, onQueueOutcome, watchRatingQueue, type QueueOutcome } from './offline-queue.js';
import { ratingStyles } from './styles.js';

/** Detail of `motcua-rating-submit` (cancelable: a host that sends ratings its own way calls `preventDefault()`). */
export interface MotcuaRatingSubmitDetail {
  submission: RatingSubmission;
}
/** Detail of `motcua-rating-submitted`: the server's receipt (also after a queued rating finally went through). */
export interface MotcuaRatingSubmittedDetail {
  receipt: RatingReceipt;
}
/** Detail of `motcua-rating-queued`: kept on the device, to be retried with this Idempotency-Key. */
export interface MotcuaRatingQueuedDetail {
  submission: RatingSubmission;
  idempotencyKey: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'motcua-rating-submit': CustomEvent<MotcuaRatingSubmitDetail>;
    'motcua-rating-submitted': CustomEvent<MotcuaRatingSubmittedDetail>;
    'motcua-rating-queued': CustomEvent<MotcuaRatingQueuedDetail>;
  }
}

type Phase = 'form' | 'sending' | 'sent' | 'queued' | 'exists';
type Score = 0 | 1 | 2;

/** Saved by the browser (back/forward, autofill restore) and handed back to `formStateRestoreCallback`. */
interface SavedState {
  level: RatingLevel | '';
  comment: string;
  indicators: Partial<Record<RatingIndicator, Score>>;
}

const isLevel = (v: unknown): v is RatingLevel => (RATING_LEVELS as readonly unknown[]).includes(v);

/**
 * Satisfaction rating on the national 3-level scale (Rất hài lòng / Hài lòng / Không hài lòng), with a
 * comment that becomes required when dissatisfied and an optional detailed evaluation of the 9 indicators.
 *
 * Inside a host page's `<form>` it is a form control (name, value = the level, required, validity, reset,
 * disabled, state restore). Standalone (no form, or with `submit`) it sends the rating itself with an
 * Idempotency-Key; if the network fails the rating is kept on the device and sent when back online.
 *
 * Form data: `name` = the level; when there is a comment or indicator scores, also `name-comment` and
 * `name-<indicator>` (0, 1 or 2).
 *
 * @summary Rate a dossier's handling or an office's service.
 *
 * @attr dossier - Dossier code to rate.
 * @attr office - Office id to rate (when there is no dossier).
 * @attr name - Form field name.
 * @attr value - Initial level (`very_satisfied`, `satisfied`, `dissatisfied`); also what a form reset restores.
 * @attr required - A level must be chosen for the form to submit.
 * @attr disabled - Not editable, not submitted.
 * @attr detailed - Also show the 9 indicators of the detailed evaluation.
 * @attr submit - Send through the API even inside a `<form>`.
 * @attr summary - Show the office's (or `unit`'s) ratings so far: the share of each level.
 *
 * @event change - The level, a comment or an indicator changed (committed).
 * @event input - The level or comment changed.
 * @event motcua-rating-submit - `{ submission }`, cancelable: about to send.
 * @event motcua-rating-submitted - `{ receipt }`: stored by the server.
 * @event motcua-rating-queued - `{ submission, idempotencyKey }`: kept on the device until back online.
 * @event motcua-error - `{ kind, code }`: refused for good (e.g. `not_found`, `invalid`).
 *
 * @csspart base - The frame. @csspart header - The title band.
 * @csspart levels - The radio group; @csspart level - each choice (also `level-<level>`, `checked`).
 * @csspart comment - The comment field; @csspart counter - its character counter.
 * @csspart indicators - The detailed evaluation.
 * @csspart submit - The send button. @csspart message - The thank-you / queued / already-rated message.
 * @csspart summary - The summary of ratings so far.
 */
export class MotcuaRating extends MotcuaElement {
  static formAssociated = true;
  static override styles = [MotcuaElement.styles, ratingStyles];

  static override properties = {
    dossier: {},
    office: {},
    name: { reflect: true },
    value: {},
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    detailed: { type: Boolean },
    submitMode: { type: Boolean, attribute: 'submit' },
    summary: { type: Boolean },
    _comment: { state: true },
    _indicators: { state: true },
    _phase: { state: true },
    _showErrors: { state: true },
    _formDisabled: { state: true },
    _error: { state: true },
    _announce: { state: true },
  };

  declare dossier: string | undefined;
  declare office: string | undefined;
  declare name: string;
  /** The chosen level, `''` when none. */
  declare value: RatingLevel | '';
  declare required: boolean;
  declare disabled: boolean;
  declare detailed: boolean;
  declare submitMode: boolean;
  declare summary: boolean;

  declare private _comment: string;
  declare private _indicators: Partial<Record<RatingIndicator, Score>>;
  declare private _phase: Phase;
  declare private _showErrors: boolean;
  declare private _formDisabled: boolean;
  declare private _error: ClassifiedError | null;
  declare private _announce: string;

  readonly #internals: ElementInternals;
  /** The key of the current attempt: kept across retries of the same content, renewed when it changes. */
  #key: string | undefined;
  #unsubscribe: (() => void) | undefined;

  #summaryTask = new Task<readonly [string | null, string | undefined, string | undefined, boolean], RatingSummary | null>(this, {
    args: () => [this.apiBase, this.office, this.unit, this.summary] as const,
    task: ([api, office, unit, wanted], { signal }) => {
      if (!wanted || !api || (!office && !unit)) return Promise.resolve(null);
      return this.client.ratings.summary(office ? { office } : { unit }, { signal });
    },
  });

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.name = '';
    this.value = '';
    this.required = false;
    this.disabled = false;
    this.detailed = false;
    this.submitMode = false;
    this.summary = false;
    this._comment = '';
    this._indicators = {};
    this._phase = 'form';
    this._showErrors = false;
    this._formDisabled = false;
    this._error = null;
    this._announce = '';
    // The form's own validation (submit, reportValidity) marks the fields so their messages show.
    this.addEventListener('invalid', () => (this._showErrors = true));
  }

  readonly #messages = this.localize.use(messages);
  get #m(): RatingMessages {
    return this.#messages();
  }

  // ---- Form-associated custom element API -------------------------------------------------------------

  /** The `<form>` this control belongs to, if any. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  reportValidity(): boolean {
    this._showErrors = true;
    return this.#internals.reportValidity();
  }
  /** The comment typed so far. */
  get comment(): string {
    return this._comment;
  }

  formAssociatedCallback(): void {
    this.requestUpdate();
  }

  formResetCallback(): void {
    const initial = this.getAttribute('value');
    this.value = isLevel(initial) ? initial : '';
    this._comment = '';
    this._indicators = {};
    this._showErrors = false;
    this._phase = 'form';
    this.#key = undefined;
  }

  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state !== 'string') return;
    try {
      const saved = JSON.parse(state) as Partial<SavedState>;
      this.value = isLevel(saved.level) ? saved.level : '';
      this._comment = typeof saved.comment === 'string' ? saved.comment.slice(0, RATING_COMMENT_MAX) : '';
      this._indicators = {};
      for (const i of RATING_INDICATORS) {
        const s = saved.indicators?.[i];
        if (s === 0 || s === 1 || s === 2) this._indicators[i] = s;
      }
    } catch {
      // A state we did not write: ignore it.
    }
  }

  /** Focus goes to the checked level (or the first), as for a native radio group. */
  override focus(options?: FocusOptions): void {
    const radio = this.renderRoot?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]');
    if (radio) radio.focus(options);
    else super.focus(options);
  }

  // ---- Lifecycle ----------------------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unsubscribe = onQueueOutcome((outcome) => this.#onQueueOutcome(outcome));
    watchRatingQueue();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unsubscribe?.();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('value') && this.value && !isLevel(this.value)) this.value = '';
    if (changed.has('value') || changed.has('_comment') || changed.has('_indicators')) this.#key = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#syncForm();
  }

  get #isDisabled(): boolean {
    return this.disabled || this._formDisabled;
  }

  /** Standalone: sends through the API itself (no form around it, or `submit` set). */
  get #standalone(): boolean {
    return this.submitMode || !this.#internals.form;
  }

  get #target(): RatingTarget | null {
    const code = this.dossier?.trim();
    if (code) return { type: 'dossier', code };
    const id = this.office?.trim();
    return id ? { type: 'office', id } : null;
  }

  /** Which rule the current input breaks, if any. */
  get #problem(): 'level' | 'comment' | null {
    if (!this.value) return this.required || this.#standalone ? 'level' : null;
    if (this.value === 'dissatisfied' && !this._comment.trim()) return 'comment';
    return null;
  }

  #syncForm(): void {
    const { value, name } = this;
    const comment = this._comment.trim();
    const scored = Object.entries(this._indicators);
    let formValue: string | FormData | null = value || null;
    if (value && name && (comment || scored.length)) {
      const data = new FormData();
      data.append(name, value);
      if (comment) data.append(`${name}-comment`, comment);
      for (const [indicator, score] of scored) data.append(`${name}-${indicator}`, String(score));
      formValue = data;
    }
    const state: SavedState = { level: value, comment: this._comment, indicators: this._indicators };
    this.#internals.setFormValue(formValue, JSON.stringify(state));

    // In a form, an empty optional rating is valid; standalone the send button needs a level.
    const problem = this.value || this.required ? this.#problem : null;
    const m = this.#m;
    if (problem === 'level') {
      const anchor = this.renderRoot.querySelector<HTMLElement>('[role="radio"]') ?? undefined;
      this.#internals.setValidity({ valueMissing: true }, m.levelMissing, anchor);
    } else if (problem === 'comment') {
      const anchor = this.renderRoot.querySelector<HTMLElement>('#comment') ?? undefined;
      this.#internals.setValidity({ valueMissing: true }, m.commentMissing, anchor);
    } else {
      this.#internals.setValidity({});
    }
  }

  // ---- Interaction -------------------------------------------------------------------------------------

  #choose(level: RatingLevel, focusComment: boolean): void {
    if (this.#isDisabled || this.value === level) {
      if (focusComment && level === 'dissatisfied') this.#focusComment();
      return;
    }
    this.value = level;
    this._error = null;
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
    if (level === 'dissatisfied' && focusComment) this.#focusComment();
  }

  async #focusComment(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#comment')?.focus();
  }

  #onRadioKey = (event: KeyboardEvent): void => {
    const levels = RATING_LEVELS;
    const current = levels.indexOf((event.target as HTMLElement).dataset.level as RatingLevel);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = (current + 1) % levels.length;
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = (current - 1 + levels.length) % levels.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = levels.length - 1;
        break;
      case ' ':
      case 'Enter':
        event.preventDefault();
        this.#choose(levels[current]!, true);
        return;
      default:
        return;
    }
    event.preventDefault();
    // Arrow keys move and select together (the ARIA radio group pattern); focus stays in the group.
    this.#choose(levels[next]!, false);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-level="${levels[next]}"]`)?.focus(),
    );
  };

  #onRadioClick = (event: MouseEvent): void => {
    const level = (event.currentTarget as HTMLElement).dataset.level;
    if (isLevel(level)) this.#choose(level, true);
  };

  #onComment = (event: InputEvent): void => {
    this._comment = (event.target as HTMLTextAreaElement).value.slice(0, RATING_COMMENT_MAX);
  };

  #onCommentChange = (): void => {
    this.dispatchEvent(new Event('change', { bubbles: true }));
  };

  #onIndicator = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const indicator = input.name as RatingIndicator;
    this._indicators = { ...this._indicators, [indicator]: Number(input.value) as Score };
    this.dispatchEvent(new Event('change', { bubbles: true }));
  };

  #submission(): RatingSubmission | null {
    const target = this.#target;
    if (!target || !isLevel(this.value)) return null;
    const submission: RatingSubmission = { target, level: this.value };
    const comment = this._comment.trim();
    if (comment) submission.comment = comment;
    if (Object.keys(this._indicators).length) submission.indicators = { ...this._indicators };
    const trap = this.renderRoot.querySelector<HTMLInputElement>('#website')?.value;
    if (trap) submission.website = trap;
    return submission;
  }

  /**
   * Send the rating through the API (standalone use). A second call while one is in flight does nothing, and
   * retries of the same content reuse one Idempotency-Key, so a rating is never stored twice.
   */
  async send(): Promise<void> {
    if (this._phase !== 'form' || this.#isDisabled) return;
    this._showErrors = true;
    this._error = null;
    const problem = this.#problem;
    if (problem) {
      this._announce = problem === 'level' ? this.#m.levelMissing : this.#m.commentMissing;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(problem === 'level' ? '[tabindex="0"][role="radio"]' : '#comment')?.focus();
      return;
    }
    const submission = this.#submission();
    if (!submission) return; // No target: the form already says so.
    const api = this.apiBase;
    if (!api) {
      this._error = { kind: 'config', retryAfter: null };
      return;
    }
    if (this.emit('motcua-rating-submit', { submission }, { cancelable: true }).defaultPrevented) return;
    const key = (this.#key ??= newIdempotencyKey());
    this._phase = 'sending';
    this._announce = this.#m.sending;
    try {
      this.#sent(await this.client.ratings.submit(submission, { idempotencyKey: key }));
    } catch (error) {
      const failure = classifyError(error);
      if (isTransient(failure.kind)) {
        enqueueRating({ key, api, submission, queuedAt: new Date().toISOString() });
        this.#queuedOffline = failure.kind === 'offline';
        this.#finish('queued', this.#queuedText);
        this.emit('motcua-rating-queued', { submission, idempotencyKey: key });
      } else if (failure.kind === 'conflict') {
        this.#finish('exists', this.#m.exists);
      } else {
        this._phase = 'form';
        this._error = failure;
        this._announce = this.#failureText(failure);
        this.reportFailure(error, this.dossier ?? this.office ?? null);
      }
    }
  }

  #sent(receipt: RatingReceipt): void {
    this.#key = undefined;
    this.#finish('sent', this.#m.thanks);
    this.emit('motcua-rating-submitted', { receipt });
  }

  async #finish(phase: Phase, announce: string): Promise<void> {
    this._phase = phase;
    this._announce = announce;
    await this.updateComplete;
    // The button just pressed is gone: put keyboard focus on the message that replaced it.
    this.renderRoot.querySelector<HTMLElement>('.message')?.focus();
  }

  #onQueueOutcome(outcome: QueueOutcome): void {
    if (this._phase !== 'queued' || outcome.key !== this.#key) return;
    if (outcome.sent) this.#sent(outcome.receipt);
    else if (outcome.kind === 'conflict') void this.#finish('exists', this.#m.exists);
    else {
      this._phase = 'form';
      this._error = { kind: outcome.kind, retryAfter: null };
    }
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.send();
  };

  #failureText(failure: ClassifiedError): string {
    if (failure.kind === 'not_found') return this.#m.notFound;
    return this.errorMessage(failure);
  }

  // ---- Rendering ---------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const m = this.#m;
    return html`<div class="root" part="base" lang=${this.localize.locale}>
      ${this.heading(m.title, 0, 'header', 'header')}
      <div class="body">
        ${this._phase === 'sent' || this._phase === 'queued' || this._phase === 'exists'
          ? this.#renderMessage()
          : this.#renderForm()}
        ${this.summary ? this.#renderSummary() : nothing}
        <p class="sr-only" role="status">${this._announce}</p>
      </div>
    </div>`;
  }

  /** Whether the last queued submission failed for lack of a connection (else the server did not answer well). */
  #queuedOffline = true;

  get #queuedText(): string {
    return this.#queuedOffline ? this.#m.queued : this.#m.queuedServer;
  }

  #renderMessage(): TemplateResult {
    const m = this.#m;
    const [text, tone, name] =
      this._phase === 'sent' ? [m.thanks, 'success', 'done'] as const
      : this._phase === 'queued' ? [this.#queuedText, 'info', 'paused'] as const
      : [m.exists, 'info', 'done'] as const;
    return html`<div class=${`alert alert--${tone} message`} part="message" tabindex="-1">
      <p class="with-icon">${icon(name)}<span>${text}</span></p>
    </div>`;
  }

  #renderForm(): TemplateResult {
    const m = this.#m;
    const disabled = this.#isDisabled;
    const problem = this._showErrors ? this.#problem : null;
    const dissatisfied = this.value === 'dissatisfied';
    const target = this.#target;
    const focusable = this.value || RATING_LEVELS[0];
    const standalone = this.#standalone;
    return html`<form novalidate @submit=${this.#onSubmit}>
      <div class="field">
        <p id="question" class="label">
          ${target?.type === 'dossier' ? m.questionDossier(target.code) : m.questionOffice}
        </p>
        <div
          role="radiogroup"
          part="levels"
          class="levels"
          aria-labelledby="question"
          aria-describedby="level-error"
          aria-required=${this.required || standalone ? 'true' : 'false'}
          aria-invalid=${problem === 'level' ? 'true' : 'false'}
          aria-disabled=${disabled ? 'true' : 'false'}
        >
          ${RATING_LEVELS.map((level) => {
            const checked = this.value === level;
            return html`<div
              role="radio"
              part=${`level level-${level}${checked ? ' checked' : ''}`}
              class=${`level level--${level}`}
              data-level=${level}
              aria-checked=${checked ? 'true' : 'false'}
              aria-disabled=${disabled ? 'true' : 'false'}
              tabindex=${!disabled && level === focusable ? '0' : '-1'}
              @click=${this.#onRadioClick}
              @keydown=${this.#onRadioKey}
            >
              ${face(level)}<span>${m.levels[level]}</span>
            </div>`;
          })}
        </div>
        <p id="level-error" class="feedback feedback--error">${problem === 'level' ? m.levelMissing : ''}</p>
      </div>
      <div class="field">
        <label for="comment">${dissatisfied ? m.commentRequired : m.comment}
          ${dissatisfied ? html`<span class="muted">${this.commonMessages.required}</span>` : nothing}</label
        >
        <textarea
          id="comment"
          part="comment"
          rows="3"
          maxlength=${RATING_COMMENT_MAX}
          .value=${this._comment}
          ?disabled=${disabled}
          ?required=${dissatisfied}
          aria-invalid=${problem === 'comment' ? 'true' : 'false'}
          aria-describedby="comment-error counter"
          @input=${this.#onComment}
          @change=${this.#onCommentChange}
        ></textarea>
        <p id="comment-error" class="feedback feedback--error">${problem === 'comment' ? m.commentMissing : ''}</p>
        <p id="counter" part="counter" class="hint counter">${m.counter(this._comment.length, RATING_COMMENT_MAX)}</p>
      </div>
      ${this.detailed ? this.#renderIndicators(disabled) : nothing}
      <div class="hp" aria-hidden="true">
        <label for="website">${m.honeypot}</label>
        <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
      </div>
      ${this._error ? this.renderError(this.#failureText(this._error)) : nothing}
      ${standalone
        ? html`<div>
            <button type="submit" part="submit" ?disabled=${disabled} aria-disabled=${this._phase === 'sending' ? 'true' : 'false'}>
              ${this._phase === 'sending' ? m.sending : m.submit}
            </button>
          </div>`
        : nothing}
      ${standalone && !target ? this.renderError(m.noTarget) : nothing}
    </form>`;
  }

  #renderIndicators(disabled: boolean): TemplateResult {
    const m = this.#m;
    return html`<fieldset part="indicators" class="indicators">
      <legend>${m.detailed}</legend>
      ${RATING_INDICATORS.map(
        (indicator) => html`<fieldset>
          <legend>${m.indicators[indicator]}</legend>
          <div class="scores">
            ${([2, 1, 0] as const).map(
              (score) => html`<label class="score">
                <input
                  type="radio"
                  name=${indicator}
                  value=${score}
                  .checked=${this._indicators[indicator] === score}
                  ?disabled=${disabled}
                  @change=${this.#onIndicator}
                />${m.scores[score]}
              </label>`,
            )}
          </div>
        </fieldset>`,
      )}
    </fieldset>`;
  }

  #renderSummary(): unknown {
    const m = this.#m;
    return this.#summaryTask.render({
      pending: () => this.renderSkeleton(3),
      error: () => this.renderError(this.#m.summaryError, () => void this.#summaryTask.run()),
      complete: (summary) => {
        if (!summary) return nothing;
        const { total, counts } = summary;
        return html`<section part="summary" class="summary" aria-labelledby="summary-title">
          <div id="summary-title">${this.heading(`${m.summaryTitle}: ${summary.scope.name}`, 1)}</div>
          ${total
            ? html`<p class="muted">${m.summaryTotal(total)}</p>
                <ul role="list">
                  ${RATING_LEVELS.map((level) => {
                    const share = counts[level] / total;
                    return html`<li class="bar-row">
                      <span>${m.levels[level]}</span><span class="share">${formatPercent(share, this.lang_)}</span>
                      <progress class=${`bar bar--${level}`} max="1000" value=${Math.round(share * 1000)} aria-hidden="true"></progress>
                    </li>`;
                  })}
                </ul>`
            : html`<p class="muted">${m.summaryNone}</p>`}
        </section>`;
      },
    });
  }
}

/** Faces drawn with strokes; the label next to each says the same in words. */
function face(level: RatingLevel): TemplateResult {
  const mouth =
    level === 'very_satisfied' ? 'M7.5 14c1.2 2.2 2.7 3.2 4.5 3.2s3.3-1 4.5-3.2'
    : level === 'satisfied' ? 'M8.5 15c1 .8 2.2 1.2 3.5 1.2s2.5-.4 3.5-1.2'
    : 'M8.5 16.5c1-.9 2.2-1.3 3.5-1.3s2.5.4 3.5 1.3';
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" class="face">
    <circle cx="12" cy="12" r="9.5" /><path d="M9 9.5v.5M15 9.5v.5" /><path d=${mouth} />
  </svg>`;
}
