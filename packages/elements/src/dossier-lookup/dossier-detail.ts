/**
 * The result card of `<motcua-dossier-lookup>`: the procedure, the status and on-time badges, the dates, the
 * rating slot and the processing history of a dossier.
 */
import { html, nothing, type TemplateResult } from 'lit';
import {
  awaitsCitizen,
  dossierDeadline,
  statusGroup,
  statusLabel,
  type DossierStatus,
  type DossierView,
  type HistoryEvent,
  vnDate,
} from '@motcua/sdk';
import type { Lang } from '../internal/config.js';
import { formatDate } from '../internal/i18n/format.js';
import { icon } from '../internal/icons.js';
import { appointmentIcs, icsHref } from './calendar.js';
import type { LookupMessages } from './messages.js';

export interface DetailSlots {
  /** A heading `depth` levels below the widget title. */
  heading: (text: string, depth: number, cls?: string) => TemplateResult;
  /** The rating part: the rate button, the rating widget, or "already rated". */
  rate: TemplateResult | typeof nothing;
  /** The share / copy link part. */
  share: TemplateResult | typeof nothing;
}

/** A code that may wrap after its dots and dashes (and nowhere else) in a narrow sidebar. */
export function breakable(code: string): TemplateResult {
  return html`${code.split(/(?<=[.-])/).map((part, i) => (i ? html`<wbr />${part}` : part))}`;
}

/** Catalogue content (procedure, office, history) stays Vietnamese: marked so screen readers say it right. */
const vi = (text: string) => html`<span lang="vi">${text}</span>`;

function timingBadge(d: DossierView, m: LookupMessages): TemplateResult | typeof nothing {
  let timing;
  try {
    timing = dossierDeadline({ status: d.status as DossierStatus, appointment: d.appointmentAt, finished: d.finishedAt ?? d.returnedAt });
  } catch {
    return nothing;
  }
  if (!timing) return nothing;
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

/** An appointment still to come: today or later, in Vietnam. */
function upcoming(at: string | null): at is string {
  return !!at && vnDate(new Date(at)) >= vnDate(new Date());
}

/** What the citizen should do next: bring documents (5), pay (6), or wait for the desk (1). */
function nextStep(d: DossierView, m: LookupMessages, lang: Lang): TemplateResult | typeof nothing {
  const status = d.status as DossierStatus;
  if (status === 1) return html`<p class="next-step" part="next-step">${m.submittedNote}</p>`;
  if (!awaitsCitizen(status)) return nothing;
  const appointment = upcoming(d.appointmentAt) ? m.newAppointment(formatDate(d.appointmentAt, lang)) : m.newAppointmentLater;
  return html`<div class="next-step alert alert--warning" part="next-step">
    <p><strong>${m.nextStep[status as 5 | 6]}</strong></p>
    <p>${appointment}</p>
  </div>`;
}

/** The "add to calendar" link, while an appointment is still to come and the result not ready. */
function calendarLink(d: DossierView, m: LookupMessages): TemplateResult | typeof nothing {
  const status = d.status as DossierStatus;
  if (!upcoming(d.appointmentAt) || (status !== 2 && status !== 4 && !awaitsCitizen(status))) return nothing;
  const ics = appointmentIcs({
    code: d.code,
    at: d.appointmentAt,
    title: m.calendarTitle(d.code),
    description: `${d.procedure.name} (${d.code})`,
    location: d.office?.name ?? d.unit?.name ?? null,
  });
  return html`<a class="button secondary" part="calendar" href=${icsHref(ics)} download=${`ho-so-${d.code}.ics`}
    >${icon('in_progress')}${m.addToCalendar}</a
  >`;
}

function historyStep(e: HistoryEvent, lang: Lang): TemplateResult {
  const details = [e.unit, e.officerTitle].filter(Boolean).join(' · ');
  return html`<li>
    <time datetime=${e.at}>${formatDate(e.at, lang, true)}</time>
    <p class="action" lang="vi">${e.action}</p>
    ${details ? html`<p class="muted" lang="vi">${details}</p>` : nothing}
    ${e.status ? html`<p class="muted">${statusLabel(e.status as DossierStatus, lang)}</p>` : nothing}
  </li>`;
}

/** The card of dossier `d`. */
export function renderDossier(d: DossierView, m: LookupMessages, lang: Lang, slots: DetailSlots): TemplateResult {
  const { heading } = slots;
  const status = d.status as DossierStatus;
  const group = statusGroup(status);
  const date = (v: string | null) => (v ? formatDate(v, lang) : null);
  const office = d.office?.name ?? d.unit?.name ?? null;
  // [label, value, wide]: long values get a whole row.
  const rows: [string, string | TemplateResult | null, boolean?][] = [
    [m.code, breakable(d.code), true],
    [m.nationalCode, d.nationalCode && breakable(d.nationalCode), true],
    [status === 1 ? m.submitted : m.received, date(d.receivedAt)],
    [m.appointment, date(d.appointmentAt)],
    [m.finished, date(d.finishedAt)],
    [m.returned, date(d.returnedAt)],
    [m.applicant, vi(d.applicant)],
    [m.office, office && vi(office), true],
  ];
  return html`<article class="result" aria-labelledby="procedure">
    <div>
      <p class="muted">${m.procedure}</p>
      <div id="procedure" lang="vi">${heading(d.procedure.name, 1, 'procedure')}</div>
    </div>
    <div class="badges">
      <span class=${`badge badge--${group}`} part="status"
        >${icon(group)}<span class="sr-only">${m.status}: </span>${statusLabel(status, lang)}</span
      >
      ${timingBadge(d, m)}
    </div>
    ${nextStep(d, m, lang)}
    <dl class="facts">
      ${rows.map(([label, value, wide]) =>
        value ? html`<div class=${wide ? 'wide' : ''}><dt>${label}</dt><dd>${value}</dd></div>` : nothing,
      )}
    </dl>
    <div class="actions">${calendarLink(d, m)}${slots.share}</div>
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
