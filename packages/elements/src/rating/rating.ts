import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task } from '@lit/task';
import {
  dossiersApi,
  ratingsApi,
  RATING_COMMENT_MAX,
  RATING_LEVELS,
  type RatingIndicator,
  type RatingLevel,
  type RatingReceipt,
  type RatingSubmission,
  type RatingSummary,
  type RatingTarget,
} from '@motcua/sdk';
import { MotcuaFormAssociatedElement } from '../internal/form-associated-element.js';
import type { ClassifiedError } from '../internal/error-kind.js';
import { icon } from '../internal/icons.js';
import type { Score } from './indicators.js';
import { renderForm } from './form.js';
import { formValue, readState, type RatingState } from './form-state.js';
import { isLevel, levelKey } from './levels.js';
import { messages, type RatingMessages } from './messages.js';
import { RatingSubmissionController } from './submission.js';
import { renderSummary, renderSummaryGhost } from './summary.js';
import { ratingStyles } from './styles.js';

export type { MotcuaRatingSubmitDetail, MotcuaRatingSubmittedDetail, MotcuaRatingQueuedDetail } from './events.js';

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
export class MotcuaRating extends MotcuaFormAssociatedElement {
  static override styles = [MotcuaFormAssociatedElement.styles, ratingStyles];

  static override properties = {
    dossier: {},
    office: {},
    value: {},
    detailed: { type: Boolean },
    submitMode: { type: Boolean, attribute: 'submit' },
    summary: { type: Boolean },
    _comment: { state: true },
    _indicators: { state: true },
    _announce: { state: true },
  };

  declare dossier: string | undefined;
  declare office: string | undefined;
  /** The chosen level, `''` when none. */
  declare value: RatingLevel | '';
  declare detailed: boolean;
  declare submitMode: boolean;
  declare summary: boolean;

  declare private _comment: string;
  declare private _indicators: Partial<Record<RatingIndicator, Score>>;
  declare private _announce: string;

  readonly #messages = this.localize.use(messages);

  readonly #submission = new RatingSubmissionController(this, {
    willSend: (submission) => !this.emit('motcua-rating-submit', { submission }, { cancelable: true }).defaultPrevented,
    sending: () => (this._announce = this.#m.sending),
    sent: (receipt: RatingReceipt) => {
      void this.#finished(this.#m.thanks);
      if (this.summary) void this.#summaryTask.run();
      this.emit('motcua-rating-submitted', { receipt });
    },
    queued: (submission, idempotencyKey) => {
      void this.#finished(this.#queuedText);
      this.emit('motcua-rating-queued', { submission, idempotencyKey });
    },
    exists: () => void this.#finished(this.#m.exists),
    failed: (error, failure) => {
      this._announce = this.#failureText(failure);
      this.reportFailure(error, this.dossier ?? this.office ?? null);
    },
  });

  #summaryTask = new Task<readonly [string | null, string | undefined, string | undefined, boolean], RatingSummary | null>(this, {
    args: () => [this.apiBase, this.office, this.unit, this.summary] as const,
    task: ([api, office, unit, wanted], { signal }) => {
      if (!wanted || !api || (!office && !unit)) return Promise.resolve(null);
      return ratingsApi(this.transport).summary(office ? { office } : { unit }, { signal });
    },
  });

  // With a dossier, ask first whether it was rated: say so before the citizen fills anything. A server that
  // wants the verification factor does not tell; the 409 on sending still does.
  #rated = new Task<readonly [string | null, string | undefined], void>(this, {
    args: () => [this.apiBase, this.dossier] as const,
    task: async ([api, code], { signal }) => {
      if (!api || !code) return;
      const view = await dossiersApi(this.transport).get(code, { signal }).catch(() => null);
      if (view?.rated) {
        this.#submission.known();
        this._announce = this.#m.exists;
      }
    },
  });

  constructor() {
    super();
    this.value = '';
    this.detailed = false;
    this.submitMode = false;
    this.summary = false;
    this._comment = '';
    this._indicators = {};
    this._announce = '';
  }

  get #m(): RatingMessages {
    return this.#messages();
  }

  /** The comment typed so far. */
  get comment(): string {
    return this._comment;
  }

  protected override formReset(): void {
    const initial = this.getAttribute('value');
    this.value = isLevel(initial) ? initial : '';
    this._comment = '';
    this._indicators = {};
    this.#submission.reset();
  }

  protected override formRestore(state: string): void {
    const saved = readState(state);
    if (!saved) return;
    this.value = saved.level;
    this._comment = saved.comment;
    this._indicators = saved.indicators;
  }

  /** Focus goes to the checked level (or the first), as for a native radio group. */
  override focus(options?: FocusOptions): void {
    const radio = this.renderRoot?.querySelector<HTMLElement>('[role="radio"][tabindex="0"]');
    if (radio) radio.focus(options);
    else super.focus(options);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('value') && this.value && !isLevel(this.value)) this.value = '';
    if (changed.has('value') || changed.has('_comment') || changed.has('_indicators')) this.#submission.renew();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#syncForm();
  }

  /** Standalone: sends through the API itself (no form around it, or `submit` set). */
  get #standalone(): boolean {
    return this.submitMode || !this.internals.form;
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
    const state: RatingState = { level: this.value, comment: this._comment, indicators: this._indicators };
    this.internals.setFormValue(formValue(this.name, state), JSON.stringify(state));

    // In a form, an empty optional rating is valid; standalone the send button needs a level.
    const problem = this.value || this.required ? this.#problem : null;
    const m = this.#m;
    if (problem === 'level') {
      const anchor = this.renderRoot.querySelector<HTMLElement>('[role="radio"]') ?? undefined;
      this.internals.setValidity({ valueMissing: true }, m.levelMissing, anchor);
    } else if (problem === 'comment') {
      const anchor = this.renderRoot.querySelector<HTMLElement>('#comment') ?? undefined;
      this.internals.setValidity({ valueMissing: true }, m.commentMissing, anchor);
    } else {
      this.internals.setValidity({});
    }
  }

  // ---- Interaction -------------------------------------------------------------------------------------

  #choose(level: RatingLevel, focusComment: boolean): void {
    if (this.isDisabled || this.value === level) {
      if (focusComment && level === 'dissatisfied') this.#focusComment();
      return;
    }
    this.value = level;
    this.#submission.clearError();
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
    if (level === 'dissatisfied' && focusComment) this.#focusComment();
  }

  async #focusComment(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLTextAreaElement>('#comment')?.focus();
  }

  #onRadioKey = (event: KeyboardEvent): void => {
    const current = RATING_LEVELS.indexOf((event.target as HTMLElement).dataset.level as RatingLevel);
    const next = levelKey(event.key, current);
    if (next === null) return;
    event.preventDefault();
    if (next === 'choose') {
      this.#choose(RATING_LEVELS[current]!, true);
      return;
    }
    // Arrow keys move and select together (the ARIA radio group pattern); focus stays in the group.
    this.#choose(RATING_LEVELS[next]!, false);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-level="${RATING_LEVELS[next]}"]`)?.focus(),
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

  #toSubmit(): RatingSubmission | null {
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
    if (this.#submission.phase !== 'form' || this.isDisabled) return;
    this.showErrors = true;
    this.#submission.clearError();
    const problem = this.#problem;
    if (problem) {
      this._announce = problem === 'level' ? this.#m.levelMissing : this.#m.commentMissing;
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(problem === 'level' ? '[tabindex="0"][role="radio"]' : '#comment')?.focus();
      return;
    }
    const submission = this.#toSubmit();
    if (!submission) return; // No target: the form already says so.
    const api = this.apiBase;
    if (!api) return this.#submission.refuse({ kind: 'config', retryAfter: null });
    await this.#submission.send(this.transport, api, submission);
  }

  async #finished(announce: string): Promise<void> {
    this._announce = announce;
    await this.updateComplete;
    // The button just pressed is gone: put keyboard focus on the message that replaced it.
    this.renderRoot.querySelector<HTMLElement>('.message')?.focus();
  }

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    void this.send();
  };

  #failureText(failure: ClassifiedError): string {
    if (failure.kind === 'not_found') return this.#m.notFound;
    return this.errorMessage(failure);
  }

  get #queuedText(): string {
    return this.#submission.queuedOffline ? this.#m.queued : this.#m.queuedServer;
  }

  // ---- Rendering ---------------------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const m = this.#m;
    const phase = this.#submission.phase;
    return html`<div class="root" part="base" lang=${this.localize.locale}>
      ${this.heading(m.title, 0, 'header', 'header')}
      <div class="body">
        ${phase === 'form' || phase === 'sending' ? this.#renderForm() : this.#renderMessage(phase)}
        ${this.summary ? this.#renderSummary() : nothing}
        <p class="sr-only" role="status">${this._announce}</p>
      </div>
    </div>`;
  }

  #renderForm(): TemplateResult {
    const { phase, error } = this.#submission;
    return renderForm(this.#m, {
      value: this.value,
      comment: this._comment,
      indicators: this.detailed ? this._indicators : null,
      problem: this.showErrors ? this.#problem : null,
      required: this.required,
      disabled: this.isDisabled,
      standalone: this.#standalone,
      target: this.#target,
      sending: phase === 'sending',
      error: error && this.renderError(this.#failureText(error)),
      noTarget: this.renderError(this.#m.noTarget),
      requiredMark: this.commonMessages.required,
      on: {
        submit: this.#onSubmit,
        radioClick: this.#onRadioClick,
        radioKey: this.#onRadioKey,
        comment: this.#onComment,
        commentChange: this.#onCommentChange,
        indicator: this.#onIndicator,
      },
    });
  }

  #renderMessage(phase: 'sent' | 'queued' | 'exists'): TemplateResult {
    const m = this.#m;
    const [text, tone, name] =
      phase === 'sent' ? [m.thanks, 'success', 'done'] as const
      : phase === 'queued' ? [this.#queuedText, 'info', 'paused'] as const
      : [m.exists, 'info', 'done'] as const;
    return html`<div class=${`alert alert--${tone} message`} part="message" tabindex="-1">
      <p class="with-icon">${icon(name)}<span>${text}</span></p>
    </div>`;
  }

  #renderSummary(): unknown {
    const heading = (text: string, depth: number) => this.heading(text, depth);
    const ghost = () => renderSummaryGhost(this.#m, this.lang_);
    return this.#summaryTask.render({
      initial: ghost,
      pending: ghost,
      error: () => this.renderError(this.#m.summaryError, () => void this.#summaryTask.run()),
      complete: (summary) =>
        summary ? renderSummary(summary, this.#m, this.lang_, heading) : nothing,
    });
  }
}
