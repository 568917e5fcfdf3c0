/**
 * The result card of `<motcua-dossier-lookup>`: the procedure, the status and on-time badges, the dates, the
 * rating slot and the processing history of a dossier.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  dossierTiming,
  statusGroup,
  statusLabel,
  type DossierStatus,
  type DossierStatusGroup,
  type DossierView,
  type HistoryEvent,
} from '@motcua/sdk';
import type { Lang } from '../internal/config.js';
import { formatDate } from '../internal/i18n/format.js';
import { icon } from '../internal/icons.js';
import type { LookupMessages } from './messages.js';

export interface DetailSlots {
  /** A heading `depth` levels below the widget title. */
  heading: (text: string, depth: number, cls?: string) => TemplateResult;
  /** The rating part: the rate button, the rating widget, or "already rated". */
  rate: TemplateResult | typeof nothing;
}

function timingBadge(d: DossierView, group: DossierStatusGroup, m: LookupMessages): TemplateResult | typeof nothing {
  // A refused or withdrawn dossier was never going to meet its appointment: no badge.
  if (!d.appointmentAt || group === 'closed') return nothing;
  let timing;
  try {
    timing = dossierTiming({ appointment: d.appointmentAt, finished: d.finishedAt });
  } catch {
    return nothing;
  }
  const days =
    'daysEarly' in timing ? timing.daysEarly
    : 'daysLate' in timing ? timing.daysLate
    : 'daysLeft' in timing ? timing.daysLeft
    : 'daysOverdue' in timing ? timing.daysOverdue
    : 0;
  const tone = timing.state === 'late' || timing.state === 'overdue' ? 'bad' : timing.state === 'on_track' ? 'info' : 'good';
  return html`<span class=${`badge badge--${tone}`} part="timing"
    >${icon(tone === 'bad' ? 'alert' : tone === 'info' ? 'in_progress' : 'done')}${m.timing[timing.state](days)}</span
  >`;
}

function historyStep(e: HistoryEvent, lang: Lang): TemplateResult {
  const details = [e.unit, e.officerTitle].filter(Boolean).join(' · ');
  return html`<li>
    <time datetime=${e.at}>${formatDate(e.at, lang, true)}</time>
    <p class="action">${e.action}</p>
    ${details ? html`<p class="muted">${details}</p>` : nothing}
    ${e.status ? html`<p class="muted">${statusLabel(e.status as DossierStatus, lang)}</p>` : nothing}
  </li>`;
}

/** The card of dossier `d`. */
export function renderDossier(d: DossierView, m: LookupMessages, lang: Lang, slots: DetailSlots): TemplateResult {
  const { heading } = slots;
  const status = d.status as DossierStatus;
  const group = statusGroup(status);
  const date = (v: string | null) => (v ? formatDate(v, lang) : null);
  // [label, value, wide]: long values get a whole row.
  const rows: [string, string | null, boolean?][] = [
    [m.code, d.code, true],
    [m.nationalCode, d.nationalCode, true],
    [m.received, date(d.receivedAt)],
    [m.appointment, date(d.appointmentAt)],
    [m.finished, date(d.finishedAt)],
    [m.returned, date(d.returnedAt)],
    [m.applicant, d.applicant],
    [m.office, d.office?.name ?? d.unit?.name ?? null, true],
  ];
  return html`<article class="result" aria-labelledby="procedure">
    <div>
      <p class="muted">${m.procedure}</p>
      <div id="procedure">${heading(d.procedure.name, 1, 'procedure')}</div>
    </div>
    <div class="badges">
      <span class=${`badge badge--${group}`} part="status"
        >${icon(group)}<span class="sr-only">${m.status}: </span>${statusLabel(status, lang)}</span
      >
      ${timingBadge(d, group, m)}
    </div>
    <dl class="facts">
      ${rows.map(([label, value, wide]) =>
        value ? html`<div class=${wide ? 'wide' : ''}><dt>${label}</dt><dd>${value}</dd></div>` : nothing,
      )}
    </dl>
    ${slots.rate}
    <section class="history" aria-labelledby="history-title">
      <div id="history-title">${heading(m.history, 1)}</div>
      ${d.history.length
        ? html`<ol part="history" class="timeline" role="list">
            ${d.history.map((e) => historyStep(e, lang))}
          </ol>`
        : html`<p class="muted">${m.historyEmpty}</p>`}
    </section>
  </article>`;
}
