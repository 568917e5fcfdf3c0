/**
 * One office of `<motcua-counter-directory>` as a one-line row (name, open now, distance) that expands to
 * today's hours, contacts as links, a map link naming the office, the weekly schedule, upcoming closures,
 * fields handled and the former units it now serves. Names and addresses are content: `lang="vi"`.
 * The row and most of the card come from the light list's summary; contacts and fields from the full office,
 * fetched when the row opens (a placeholder until then).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { WEEKDAYS, addDays, fold, weekdayOf, type Office, type OfficeSummary, type OpeningHours, type Session } from '@motcua/sdk';
import type { Lang } from '../internal/config.js';
import { openingState, weekOn, type OpeningState } from '../internal/opening-hours.js';
import { dayLabel, shortDate, weekdayName } from './calendar-format.js';
import { formatNumber } from '../internal/i18n/format.js';
import type { DirectoryMessages } from './messages.js';

/** The full office behind a summary: loading (neither), loaded, or failed. */
export interface OfficeDetail {
  office?: Office;
  error?: unknown;
}

/** What every card of a list shares. */
export interface CardContext {
  m: DirectoryMessages;
  lang: Lang;
  now: Date;
  /** The search text, to say which former unit matched it. */
  query: string;
  /** Distance from the reader in km, when known. */
  distance: number | null;
  /** The site's own office. */
  own: boolean;
  /**
   * Whether disclosure `key` (`<office id>` for the row, `<office id>/<section>` inside it) is open: a closed
   * one renders only its summary (66 offices stay a light DOM).
   */
  isOpen: (key: string) => boolean;
  /** The `toggle` listener of every disclosure (reads `data-key`). */
  onToggle: (event: Event) => void;
  /** The full office of `id`, as far as it is loaded. */
  detail: (id: string) => OfficeDetail;
  retryDetail: (id: string) => void;
  /** The widget's error box. */
  failure: (error: unknown, retry: () => void) => TemplateResult;
}

/** A `<details>` whose content is rendered only while open. */
function disclosure(ctx: CardContext, key: string, summary: unknown, content: () => unknown, part = '') {
  const open = ctx.isOpen(key);
  return html`<details part=${part || nothing} data-key=${key} ?open=${open} @toggle=${ctx.onToggle}>
    <summary>${summary}</summary>
    ${open ? content() : nothing}
  </details>`;
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/;
const MONDAY_FIRST = [1, 2, 3, 4, 5, 6, 0];
/** How far ahead upcoming closures are listed. */
const CLOSURES_AHEAD_DAYS = 60;

const tags = (names: string[]) => html`<ul class="tags" lang="vi">${names.map((n) => html`<li>${n}</li>`)}</ul>`;

/** `07:45–11:45, 13:15–16:15`, never broken inside a session. */
const sessionsText = (sessions: readonly Session[]) =>
  sessions.map((x, i) => html`${i ? ', ' : ''}<span class="nowrap">${x.open}–${x.close}</span>`);

/**
 * The open/closed line: what holds now ("Đang mở cửa", "Đang nghỉ trưa") and, after " · ", what comes next
 * ("đến 16:15", "Mở cửa lúc 13:15"). On a narrow list the two parts take a line each whatever the time (styles.ts),
 * so a row is as tall in the evening as at noon, and as its loading placeholder.
 */
export function stateText(state: OpeningState, m: DirectoryMessages, lang: Lang): TemplateResult {
  if (state.open) return stateParts(m.openNow, m.until(state.until));
  const reason = state.today.closure
    ? html`${m.closed.closure}: <span lang="vi">${state.today.closure.name}</span>`
    : m.closed[state.reason];
  if (!state.next) return stateParts(reason, null);
  const day = state.next.date === state.today.date ? null : dayLabel(state.next.date, lang);
  return stateParts(reason, m.opensAt(state.next.time, day));
}

const stateParts = (now: TemplateResult | string, next: string | null) =>
  html`<span class="now">${now}</span>${next ? html`<span class="next"><span class="sep"> · </span>${next}</span>` : nothing}`;

/** Closures from today on, consecutive days of the same name merged: `14/02–22/02: Tết Nguyên đán`. */
function upcomingClosures(hours: OpeningHours, today: string, lang: Lang): TemplateResult[] {
  const last = addDays(today, CLOSURES_AHEAD_DAYS);
  const runs: { from: string; to: string; name: string }[] = [];
  for (const c of [...hours.closures].sort((a, b) => a.date.localeCompare(b.date))) {
    if (c.date < today || c.date > last) continue;
    const prev = runs[runs.length - 1];
    if (prev && prev.name === c.name && addDays(prev.to, 1) === c.date) prev.to = c.date;
    else runs.push({ from: c.date, to: c.date, name: c.name });
  }
  return runs
    .slice(0, 3)
    .map((r) => html`${shortDate(r.from, lang)}${r.to === r.from ? '' : `–${shortDate(r.to, lang)}`}: <span lang="vi">${r.name}</span>`);
}

function schedule(o: OfficeSummary, state: OpeningState, ctx: CardContext): TemplateResult {
  const { m, lang } = ctx;
  const { week, season } = weekOn(o.hours, state.today.date);
  const todayIndex = weekdayOf(state.today.date);
  const closures = upcomingClosures(o.hours, state.today.date, lang);
  // The space goes in as text: the CDN build trims it from the edge of a template.
  const title = html`${m.schedule}${season ? [' (', html`<span lang="vi">${season.name}</span>`, ')'] : ''}`;
  return disclosure(ctx, `${o.id}/schedule`, title, () => html`<table>
      <caption class="sr-only">${title}</caption>
      <thead><tr><th scope="col">${m.day}</th><th scope="col">${m.sessions}</th></tr></thead>
      <tbody>
        ${MONDAY_FIRST.map((i) => {
          const sessions = week[WEEKDAYS[i]!];
          return html`<tr class=${i === todayIndex ? 'today' : ''} aria-current=${i === todayIndex ? 'date' : nothing}>
            <th scope="row">${weekdayName(i, lang)}</th>
            <td>${sessions.length ? sessionsText(sessions) : m.closedAllDay}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    ${closures.length
      ? html`<p class="label holidays">${m.holidays}</p>
          <ul class="closures">${closures.map((c) => html`<li>${c}</li>`)}</ul>`
      : nothing}`, 'schedule');
}

/** The row of office `o`: its summary line, and its card while open. */
export function renderOffice(o: OfficeSummary, ctx: CardContext): TemplateResult {
  const { m, lang } = ctx;
  const state = openingState(o.hours, ctx.now);
  const q = fold(ctx.query);
  const matchedFormer =
    q && !fold(o.name).includes(q)
      ? o.formerUnits.filter((u) => fold(u.fullName).includes(q) || fold(u.name).includes(q))
      : [];
  const open = ctx.isOpen(o.id);
  return html`<li class=${ctx.own ? 'office own' : 'office'} part="office" data-id=${o.id}>
    <details data-key=${o.id} ?open=${open} @toggle=${ctx.onToggle}>
      <summary>
        <span class="row">
          <span class="name" lang="vi">${o.name}</span>
          <span class=${state.open ? 'state open' : 'state closed'} part="state">${stateText(state, m, lang)}</span>
          ${ctx.distance != null ? html`<span class="distance" part="distance">${m.distance(formatNumber(ctx.distance, lang, 1))}</span>` : nothing}
          ${ctx.own ? html`<strong class="yours">${m.yours}</strong>` : nothing}
          ${matchedFormer.length
            ? html`<span class="former-match" part="former-match"
                >${m.nowServes[0]}<span lang="vi">${matchedFormer.map((u) => u.fullName).join(', ')}</span>${m.nowServes[1]}</span
              >`
            : nothing}
        </span>
      </summary>
      ${open ? card(o, state, ctx) : nothing}
    </details>
  </li>`;
}

/** Address, phone, e-mail and website of the full office. */
function contacts(o: Office, m: DirectoryMessages): TemplateResult {
  const phoneHref = o.phone ? `tel:${o.phone.replace(/[^0-9+]/g, '')}` : '';
  return html`<dl class="contact">
    <div><dt>${m.address}</dt><dd lang="vi">${o.address}</dd></div>
    ${o.phone && phoneHref.length > 4 ? html`<div><dt>${m.phone}</dt><dd><a href=${phoneHref}>${o.phone}</a></dd></div>` : nothing}
    ${o.email
      ? html`<div><dt>${m.email}</dt><dd>${EMAIL.test(o.email) ? html`<a href=${`mailto:${o.email}`}>${o.email}</a>` : o.email}</dd></div>`
      : nothing}
    ${o.website
      ? html`<div><dt>${m.website}</dt><dd><a href=${o.website} target="_blank" rel="noopener noreferrer">${o.website}</a></dd></div>`
      : nothing}
  </dl>`;
}

/**
 * The contacts' place while the full office loads: their rows with blank values about as wide as an address or an
 * e-mail address (which goes below its label on a phone), so nothing moves when they come.
 */
function contactsGhost(m: DirectoryMessages): TemplateResult {
  // Not `.contact`, which means the contacts are there.
  return html`<dl class="contact-ghost ghost" part="skeleton" aria-hidden="true">
    ${([[m.address, 'medium'], [m.phone, 'short'], [m.email, 'long']] as const).map(
      ([label, size]) => html`<div><dt>${label}</dt><dd><span class="blank ${size}">\u00a0</span></dd></div>`,
    )}
  </dl>`;
}

/**
 * A placeholder office name as long as a usual one, a centre and its commune (names are Vietnamese in either
 * language): two lines on a phone, one on a computer.
 */
const TYPICAL_NAME = 'Trung tâm Phục vụ hành chính công xã, phường';

/**
 * The list's place while it loads, laid out as the loaded list: `rows` collapsed rows (the first one open as the
 * site's own office when `withOwn`, with its kind where `lang` shows it) and the "more" button, with blank text,
 * inert and hidden from assistive technology. Its classes are not the loaded ones (`li.office` means an office).
 */
export function renderListGhost(m: DirectoryMessages, lang: Lang, rows: number, withOwn: boolean): TemplateResult {
  const hours = `${m.today}: 07:45–11:45, 13:15–16:15`;
  // A Vietnamese reader has the kind from the name (kindLine); the own office is usually a commune's centre.
  const kind = lang === 'vi' ? nothing : html`<p class="muted">${m.kinds.commune_centre}</p>`;
  const row = (open: boolean) => html`<li class="office-ghost">
    <details ?open=${open}>
      <summary>
        <span class="row"
          ><span class="name" lang="vi">${TYPICAL_NAME}</span><span class="state">${stateParts(m.openNow, m.until('16:15'))}</span>${open ? html`<strong class="yours">${m.yours}</strong>` : nothing}</span
        >
      </summary>
      ${open
        ? html`<div class="card">
            ${kind}
            <p>${hours}</p>
            ${contactsGhost(m)}
            <p><a>${m.map}</a></p>
            ${[m.schedule, m.fields, m.formerUnits].map((title) => html`<details><summary>${title}</summary></details>`)}
          </div>`
        : nothing}
    </details>
  </li>`;
  return html`<div class="ghost list-ghost" part="skeleton" aria-hidden="true" inert>
    <ul class="offices-ghost" role="list">${Array.from({ length: rows }, (_, i) => row(withOwn && i === 0))}</ul>
    <button type="button" class="secondary more" tabindex="-1">${m.more(rows, rows)}</button>
  </div>`;
}

// Office names are Vietnamese and since Nghị định 118/2025 usually begin with their kind.
const KIND_IN_NAME: Record<OfficeSummary['kind'], string> = {
  provincial_centre: 'trung tam phuc vu hanh chinh cong',
  commune_centre: 'trung tam phuc vu hanh chinh cong',
  one_stop: 'bo phan mot cua',
};

/** The kind, unless a Vietnamese reader already has it from the name. */
function kindLine(o: OfficeSummary, ctx: CardContext) {
  if (ctx.lang === 'vi' && fold(o.name).startsWith(KIND_IN_NAME[o.kind])) return nothing;
  return html`<p class="muted">${ctx.m.kinds[o.kind]}</p>`;
}

/** The open row: kind, today's hours, contacts, map, schedule, fields and former units. */
function card(o: OfficeSummary, state: OpeningState, ctx: CardContext): TemplateResult {
  const { m } = ctx;
  const today = state.today;
  const todayText = today.sessions.length
    ? html`${sessionsText(today.sessions)}${today.extra ? ` (${m.extraDay})` : ''}`
    : m.closedAllDay;
  const { office: full, error } = ctx.detail(o.id);
  return html`<div class="card">
    ${kindLine(o, ctx)}
    <p><span class="label-inline">${m.today}:</span> ${todayText}</p>
    ${full ? contacts(full, m) : error ? ctx.failure(error, () => ctx.retryDetail(o.id)) : contactsGhost(m)}
    ${o.location
      ? html`<p>
          <a
            part="map"
            href=${`https://www.openstreetmap.org/?mlat=${o.location.lat}&mlon=${o.location.lng}#map=16/${o.location.lat}/${o.location.lng}`}
            target="_blank"
            rel="noopener noreferrer"
            >${m.map}<span class="sr-only">: <span lang="vi">${o.name}</span></span></a
          >
        </p>`
      : nothing}
    ${schedule(o, state, ctx)}
    ${full?.fields.length
      ? disclosure(ctx, `${o.id}/fields`, `${m.fields} (${full.fields.length})`, () => tags(full.fields.map((f) => f.name)))
      : nothing}
    ${o.formerUnits.length
      ? disclosure(ctx, `${o.id}/former`, `${m.formerUnits} (${o.formerUnits.length})`, () =>
          tags(o.formerUnits.map((u) => u.fullName)),
        )
      : nothing}
  </div>`;
}
