import { html, type TemplateResult } from 'lit';
import { RATING_LEVELS, type RatingSummary } from '@motcua/sdk';
import type { Lang } from '../internal/config.js';
import { formatDate, formatPercent } from '../internal/i18n/format.js';
import type { RatingMessages } from './messages.js';

/** The ratings so far of an office or a unit: the share of each level, as text and as a bar. */
export function renderSummary(
  summary: RatingSummary,
  m: RatingMessages,
  lang: Lang,
  heading: (text: string, depth: number) => TemplateResult,
): TemplateResult {
  const { total, counts } = summary;
  return html`<section part="summary" class="summary" aria-labelledby="summary-title">
    <div id="summary-title">${heading(`${m.summaryTitle}: ${summary.scope.name}`, 1)}</div>
    <p class="muted" part="period">${m.summaryPeriod(formatDate(summary.period.from, lang), formatDate(summary.period.to, lang))}</p>
    ${total
      ? html`<p class="muted">${m.summaryTotal(total)}</p>
          <ul role="list">
            ${RATING_LEVELS.map((level) => {
              const share = counts[level] / total;
              return html`<li class="bar-row">
                <span>${m.levels[level]}</span><span class="share">${formatPercent(share, lang)}</span>
                <progress class=${`bar bar--${level}`} max="1000" value=${Math.round(share * 1000)} aria-hidden="true"></progress>
              </li>`;
            })}
          </ul>`
      : html`<p class="muted">${m.summaryNone}</p>`}
  </section>`;
}
