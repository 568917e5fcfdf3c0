import { html, nothing, type TemplateResult } from 'lit';
import { RATING_COMMENT_MAX, RATING_LEVELS, type RatingIndicator, type RatingLevel, type RatingTarget } from '@motcua/sdk';
import { renderIndicators, type Score } from './indicators.js';
import { face } from './faces.js';
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

const flag = (on: boolean) => (on ? 'true' : 'false');

/** The rating form: the question and its levels (an ARIA radio group labelled by `#question`), the comment, the detailed evaluation, the send button. */
export function renderForm(m: RatingMessages, v: FormView): TemplateResult {
  const dissatisfied = v.value === 'dissatisfied';
  // The checked level (or the first) is the one Tab reaches, as in a native radio group.
  const focusable = v.value || RATING_LEVELS[0];
  return html`<form novalidate @submit=${v.on.submit}>
    <div class="field">
      <p id="question" class="label">
        ${v.target?.type === 'dossier' ? m.questionDossier(v.target.code) : m.questionOffice}
      </p>
      <div
        role="radiogroup"
        part="levels"
        class="levels"
        aria-labelledby="question"
        aria-describedby="level-error"
        aria-required=${flag(v.required || v.standalone)}
        aria-invalid=${flag(v.problem === 'level')}
        aria-disabled=${flag(v.disabled)}
      >
        ${RATING_LEVELS.map((level) => {
          const checked = v.value === level;
          return html`<div
            role="radio"
            part=${`level level-${level}${checked ? ' checked' : ''}`}
            class=${`level level--${level}`}
            data-level=${level}
            aria-checked=${flag(checked)}
            aria-disabled=${flag(v.disabled)}
            tabindex=${!v.disabled && level === focusable ? '0' : '-1'}
            @click=${v.on.radioClick}
            @keydown=${v.on.radioKey}
          >
            ${face(level)}<span>${m.levels[level]}</span>
          </div>`;
        })}
      </div>
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
        aria-invalid=${flag(v.problem === 'comment')}
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
          <button type="submit" part="submit" ?disabled=${v.disabled} aria-disabled=${flag(v.sending)}>
            ${v.sending ? m.sending : m.submit}
          </button>
        </div>`
      : nothing}
    ${v.standalone && !v.target ? v.noTarget : nothing}
  </form>`;
}
