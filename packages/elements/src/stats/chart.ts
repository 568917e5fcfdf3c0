/**
 * The monthly series of `<motcua-stats>` as a small inline SVG bar chart (one image with a spoken summary)
 * and, for exact figures and for screen reader users, the same data as a table.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { MonthlyFigures, StatsFigures } from '@motcua/sdk';
import type { Lang } from '../internal/config.js';
import { formatDate, formatNumber, formatPercent } from '../internal/i18n/format.js';
import type { StatsMessages } from './messages.js';

const SLOT = 28;
const BAR = 10;
const PLOT = 120;
const TOP = 8;
const LABELS = 20;
/** Room on the left for the scale's values. */
const LEFT = 44;

/** `2025-03` → `03/2025`. */
export const monthLabel = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

/** The smallest 1, 2 or 5 × 10ⁿ at or above `n`: the top of the scale. */
function niceMax(n: number): number {
  const step = 10 ** Math.floor(Math.log10(Math.max(1, n)));
  return [1, 2, 5, 10].map((k) => k * step).find((v) => v >= n)!;
}

/**
 * Whether the series' last month is cut short by the period's end (the current month, counted to today): its
 * bars are drawn lighter and its labels say so.
 */
export function partialMonth(monthly: readonly MonthlyFigures[], periodEnd: string): string | null {
  const last = monthly.at(-1)?.month;
  if (!last || periodEnd.slice(0, 7) !== last) return null;
  const [y, m] = last.split('-').map(Number) as [number, number];
  return Number(periodEnd.slice(8, 10)) < new Date(Date.UTC(y, m, 0)).getUTCDate() ? last : null;
}

/** Settled split as official reports count it (DOMAIN.md): early, on the appointment day, late. */
export const settledParts = (x: StatsFigures): [key: 'early' | 'onDay' | 'late', count: number][] => [
  ['early', x.settledEarly],
  ['onDay', x.settledOnTime - x.settledEarly],
  ['late', x.settledLate],
];

function bars(monthly: readonly MonthlyFigures[], partial: string | null, lang: Lang): TemplateResult {
  const max = niceMax(Math.max(...monthly.map((x) => Math.max(x.received, x.settled))));
  const right = LEFT + monthly.length * SLOT;
  const bar = (v: number, x: number, cls: string, base = TOP + PLOT) => {
    const h = (v / max) * PLOT;
    return svg`<rect class=${cls} x=${x} y=${base - h} width=${BAR} height=${h}></rect>`;
  };
  const tick = (v: number) => {
    const y = TOP + PLOT - (v / max) * PLOT + 0.5;
    return svg`<line class="grid" x1=${LEFT} x2=${right} y1=${y} y2=${y}></line>
      <text x=${LEFT - 4} y=${y + 4} text-anchor="end">${formatNumber(v, lang)}</text>`;
  };
  return svg`${[max / 2, max].map(tick)}
    <text x=${LEFT - 4} y=${TOP + PLOT + 4} text-anchor="end">0</text>
    ${monthly.map((x, i) => {
      const left = LEFT + i * SLOT + (SLOT - 2 * BAR - 2) / 2;
      const cut = x.month === partial ? ' partial' : '';
      // The settled bar, stacked from the bottom.
      let base = TOP + PLOT;
      const settled = settledParts(x).map(([key, v]) => {
        const rect = bar(v, left + BAR + 2, key + cut, base);
        base -= (v / max) * PLOT;
        return rect;
      });
      return svg`${bar(x.received, left, `received${cut}`)}${settled}
      <text x=${LEFT + i * SLOT + SLOT / 2} y=${TOP + PLOT + LABELS - 4} text-anchor="middle">${x.month.slice(5, 7)}${cut ? '*' : ''}</text>`;
    })}
    <line x1=${LEFT} x2=${right} y1=${TOP + PLOT + 0.5} y2=${TOP + PLOT + 0.5}></line>`;
}

/** Chart, legend and table of the monthly figures of `scope`. */
const legend = (m: StatsMessages) =>
  (['received', 'early', 'onDay', 'late'] as const).map(
    (k) => html`<span><span class="key ${k}"></span> ${m[k === 'received' ? 'legendReceived' : k]}</span>`,
  );

export function renderMonthly(
  monthly: readonly MonthlyFigures[],
  scope: string,
  periodEnd: string,
  m: StatsMessages,
  lang: Lang,
): TemplateResult | typeof nothing {
  if (!monthly.length) return nothing;
  const partial = partialMonth(monthly, periodEnd);
  const note = partial ? m.partial(monthLabel(partial), formatDate(periodEnd, lang)) : '';
  const width = LEFT + monthly.length * SLOT + 4;
  const n = (v: number) => formatNumber(v, lang);
  const peak = monthly.reduce((a, b) => (b.received > a.received ? b : a));
  const label = m.chart(scope, monthLabel(monthly[0]!.month), monthLabel(monthly[monthly.length - 1]!.month), n(peak.received), monthLabel(peak.month));
  return html`<figure class="monthly" part="chart">
    <figcaption class="label">${m.monthly}</figcaption>
    <p class="legend" aria-hidden="true">
      ${legend(m)}
    </p>
    ${note ? html`<p class="muted" part="partial">* ${note}</p>` : nothing}
    <!-- At least its own width (the width attribute; the styles stretch it to the box), so its 12-unit labels stay 12 px
      or more. An attribute, not inline style: strict CSP. -->
    <div class="scroll" tabindex="0" role="group" aria-label=${m.monthly}>
      <svg class="chart" role="img" aria-label=${`${label} ${note}`} viewBox=${`0 0 ${width} ${TOP + PLOT + LABELS}`} width=${width}>
        ${bars(monthly, partial, lang)}
      </svg>
    </div>
    <details part="table">
      <summary>${m.table}</summary>
      <div class="scroll">
        <table>
          <caption class="sr-only">${m.monthly}: <span lang="vi">${scope}</span></caption>
          <thead>
            <tr>
              <th scope="col">${m.month}</th>
              <th scope="col">${m.received}</th>
              <th scope="col">${m.settled}</th>
              <th scope="col">${m.early}</th>
              <th scope="col">${m.onDay}</th>
              <th scope="col">${m.onTimeRate}</th>
              <th scope="col">${m.overdue}</th>
            </tr>
          </thead>
          <tbody>
            ${monthly.map(
              (x) => html`<tr>
                <th scope="row">${monthLabel(x.month)}${x.month === partial ? html`<span class="sr-only"> (${note})</span>*` : nothing}</th>
                <td>${n(x.received)}</td>
                <td>${n(x.settled)}</td>
                <td>${n(x.settledEarly)}</td>
                <td>${n(x.settledOnTime - x.settledEarly)}</td>
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

/** The months `YYYY-MM` from the one of `from` to the one of `to` (dates `YYYY-MM-DD`), at most 120. */
function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, mo] = from.split('-').map(Number) as [number, number];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7) && months.length < 120; ) {
    months.push(month);
    [y, mo] = mo === 12 ? [y + 1, 1] : [y, mo + 1];
    month = `${y}-${String(mo).padStart(2, '0')}`;
  }
  return months;
}

/** The chart's frame while the figures load: as tall as the chart of the period will be, nothing drawn. */
export function renderMonthlyGhost(from: string, to: string, m: StatsMessages, lang: Lang): TemplateResult {
  const months = monthsBetween(from, to).map((month) => ({ month }) as MonthlyFigures);
  const partial = partialMonth(months, to);
  const width = LEFT + months.length * SLOT + 4;
  return html`<figure class="monthly">
    <figcaption class="label">${m.monthly}</figcaption>
    <p class="legend">${legend(m)}</p>
    ${partial ? html`<p class="muted">* ${m.partial(monthLabel(partial), formatDate(to, lang))}</p>` : nothing}
    <div class="scroll">
      <svg class="chart" viewBox=${`0 0 ${width} ${TOP + PLOT + LABELS}`} width=${width}></svg>
    </div>
    <details><summary>${m.table}</summary></details>
  </figure>`;
}
