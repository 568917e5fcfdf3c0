import { html, nothing, type TemplateResult } from 'lit';
import { RATING_COMMENT_MAX, type RatingIndicator, type RatingLevel, type RatingTarget } from '@motcua/sdk';
import { renderIndicators, type Score } from './indicators.js';
import { renderLevels } from './levels.js';
import type { RatingMessages } from './messages.js';

/** What the rating form shows, and its event handlers. */
export interface FormView {
  value: RatingLevel | '';
  comment: string;
  /** The detailed evaluation's scores, or null when it is not shown. */
  indicators: Partial<Record<RatingIndicator, Score>> | null;
  /** The rule the input breaks, once errors are to be shown. */
  problem: 'level' | 'comment' | null;
  required: boolean;
  disabled: boolean;
  /** Sends through the API itself: a send button, and a level is required. */
  standalone: boolean;
  target: RatingTarget | null;
  sending: boolean;
  /** The error box of the last refused attempt. */
  error: TemplateResult | null;
  /** The error box for a widget with nothing to rate. */
  noTarget: TemplateResult;
  /** "(required)", from the shared messages. */
  requiredMark: string;
  on: {
    submit: (event: Event) => void;
    radioClick: (event: MouseEvent) => void;
    radioKey: (event: KeyboardEvent) => void;
    comment: (event: InputEvent) => void;
    commentChange: () => void;
    indicator: (event: Event) => void;
  };
}

/** The rating form: the question and its levels, the comment, the detailed evaluation, the send button. */
export function renderForm(m: RatingMessages, v: FormView): TemplateResult {
  const dissatisfied = v.value === 'dissatisfied';
  return html`<form novalidate @submit=${v.on.submit}>
    <div class="field">
      <p id="question" class="label">
        ${v.target?.type === 'dossier' ? m.questionDossier(v.target.code) : m.questionOffice}
      </p>
      ${renderLevels(m, {
        value: v.value,
        required: v.required || v.standalone,
        invalid: v.problem === 'level',
        disabled: v.disabled,
        onClick: v.on.radioClick,
        onKeydown: v.on.radioKey,
      })}
      <p id="level-error" class="feedback feedback--error">${v.problem === 'level' ? m.levelMissing : ''}</p>
    </div>
    <div class="field">
      <label for="comment">${dissatisfied ? m.commentRequired : m.comment}
        ${dissatisfied ? html`<span class="muted">${v.requiredMark}</span>` : nothing}</label
      >
      <textarea
        id="comment"
        part="comment"
        rows="3"
        maxlength=${RATING_COMMENT_MAX}
        .value=${v.comment}
        ?disabled=${v.disabled}
        ?required=${dissatisfied}
        aria-invalid=${v.problem === 'comment' ? 'true' : 'false'}
        aria-describedby="comment-error counter"
        @input=${v.on.comment}
        @change=${v.on.commentChange}
      ></textarea>
      <p id="comment-error" class="feedback feedback--error">${v.problem === 'comment' ? m.commentMissing : ''}</p>
      <p id="counter" part="counter" class="hint counter">${m.counter(v.comment.length, RATING_COMMENT_MAX)}</p>
    </div>
    ${v.indicators ? renderIndicators(v.indicators, m, v.disabled, v.on.indicator) : nothing}
    <div class="hp" aria-hidden="true">
      <label for="website">${m.honeypot}</label>
      <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" />
    </div>
    ${v.error ?? nothing}
    ${v.standalone
      ? html`<div>
          <button type="submit" part="submit" ?disabled=${v.disabled} aria-disabled=${v.sending ? 'true' : 'false'}>
            ${v.sending ? m.sending : m.submit}
          </button>
        </div>`
      : nothing}
    ${v.standalone && !v.target ? v.noTarget : nothing}
  </form>`;
}
