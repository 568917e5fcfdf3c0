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

/** Text that takes its place without being text (CSS draws it): the page's and tests' `textContent` stays empty. */
const placeholder = (text: string) => html`<span class="ph" data-ph=${text}></span>`;

/**
 * The summary's place while it loads: its layout (title, period, total, a bar per level) with blank values, inert
 * and hidden from assistive technology, so the figures arriving move nothing. Not `.summary`, which means data.
 */
export function renderSummaryGhost(m: RatingMessages, lang: Lang): TemplateResult {
  const period = m.summaryPeriod(formatDate('2026-01-01', lang), formatDate('2026-01-01', lang));
  return html`<section part="skeleton" class="summary-ghost" aria-hidden="true" inert>
    <!-- The title names the office: a text about as long as an office's name stands in for it. -->
    <div class="h">${placeholder(`${m.summaryTitle}: ${period}`)}</div>
    <p class="muted">${placeholder(period)}</p>
    <p class="muted">${placeholder(m.summaryTotal(0))}</p>
    <ul role="list">
      ${RATING_LEVELS.map(
        (level) => html`<li class="bar-row">
          ${placeholder(m.levels[level])}<span class="share">\u00a0</span>
          <progress class="bar" max="1000" value="0"></progress>
        </li>`,
      )}
    </ul>
  </section>`;
}
