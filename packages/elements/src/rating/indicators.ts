import { html, type TemplateResult } from 'lit';
import { RATING_INDICATORS, type RatingIndicator } from '@motcua/sdk';
import type { RatingMessages } from './messages.js';

/** A score of the detailed evaluation: 0 poor, 1 fair, 2 good. */
export type Score = 0 | 1 | 2;

/** The detailed evaluation: one group of three radio buttons per indicator (inputs named by the indicator). */
export function renderIndicators(
  scores: Partial<Record<RatingIndicator, Score>>,
  m: RatingMessages,
  disabled: boolean,
  onChange: (event: Event) => void,
): TemplateResult {
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
                .checked=${scores[indicator] === score}
                ?disabled=${disabled}
                @change=${onChange}
              />${m.scores[score]}
            </label>`,
          )}
        </div>
      </fieldset>`,
    )}
  </fieldset>`;
}
