/**
 * The monthly series of `<motcua-stats>` as a small inline SVG bar chart (one image with a spoken summary)
 * and, for exact figures and for screen reader users, the same data as a table.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { MonthlyFigures } from '@motcua/sdk';
import type { Lang } from '../internal/config.js';
import { formatNumber, formatPercent } from '../internal/i18n/format.js';
import type { StatsMessages } from './messages.js';

const SLOT = 28;
const BAR = 10;
const PLOT = 120;
const TOP = 6;
const LABELS = 18;
/** Room on the left for the scale's top value. */
const LEFT = 28;

/** `2025-03` → `03/2025`. */
export const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

function bars(monthly: readonly MonthlyFigures[], lang: Lang): TemplateResult {
  const max = Math.max(1, ...monthly.map((x) => Math.max(x.received, x.settled)));
  const right = LEFT + monthly.length * SLOT;
  const bar = (v: number, x: number, cls: string) => {
    const h = (v / max) * PLOT;
    return svg`<rect class=${cls} x=${x} y=${TOP + PLOT - h} width=${BAR} height=${h}></rect>`;
  };
  return svg`${monthly.map((x, i) => {
    const left = LEFT + i * SLOT + (SLOT - 2 * BAR - 2) / 2;
    return svg`${bar(x.received, left, 'received')}${bar(x.settled, left + BAR + 2, 'settled')}
      <text x=${LEFT + i * SLOT + SLOT / 2} y=${TOP + PLOT + LABELS - 4} text-anchor="middle">${x.month.slice(5, 7)}</text>`;
  })}
    <line class="grid" x1=${LEFT} x2=${right} y1=${TOP + 0.5} y2=${TOP + 0.5}></line>
    <text x=${LEFT - 4} y=${TOP + 3} text-anchor="end">${formatNumber(max, lang)}</text>
    <line x1=${LEFT} x2=${right} y1=${TOP + PLOT + 0.5} y2=${TOP + PLOT + 0.5}></line>`;
}

/** Chart, legend and table of the monthly figures of `scope`. */
export function renderMonthly(
  monthly: readonly MonthlyFigures[],
  scope: string,
  m: StatsMessages,
  lang: Lang,
): TemplateResult | typeof nothing {
  if (!monthly.length) return nothing;
  const n = (v: number) => formatNumber(v, lang);
  const peak = monthly.reduce((a, b) => (b.received > a.received ? b : a));
  const label = m.chart(scope, monthLabel(monthly[0]!.month), monthLabel(monthly[monthly.length - 1]!.month), n(peak.received), monthLabel(peak.month));
  return html`<figure class="monthly" part="chart">
    <figcaption class="label">${m.monthly}</figcaption>
    <p class="legend" aria-hidden="true">
      <span class="key received"></span>${m.legendReceived} <span class="key settled"></span>${m.legendSettled}
    </p>
    <svg class="chart" role="img" aria-label=${label} viewBox=${`0 0 ${LEFT + monthly.length * SLOT + 4} ${TOP + PLOT + LABELS}`}>
      ${bars(monthly, lang)}
    </svg>
    <details part="table">
      <summary>${m.table}</summary>
      <div class="scroll">
        <table>
          <caption class="sr-only">${m.monthly}: ${scope}</caption>
          <thead>
            <tr>
              <th scope="col">${m.month}</th>
              <th scope="col">${m.received}</th>
              <th scope="col">${m.settled}</th>
              <th scope="col">${m.onTimeRate}</th>
              <th scope="col">${m.overdue}</th>
            </tr>
          </thead>
          <tbody>
            ${monthly.map(
              (x) => html`<tr>
                <th scope="row">${monthLabel(x.month)}</th>
                <td>${n(x.received)}</td>
                <td>${n(x.settled)}</td>
                <td>${x.onTimeRate == null ? '–' : formatPercent(x.onTimeRate, lang)}</td>
                <td>${n(x.overdue)}</td>
              </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </details>
  </figure>`;
}
