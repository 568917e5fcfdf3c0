/**
 * The procedure view of `<motcua-procedure-finder>`, phone first: a summary (where to file, how long, fees,
 * online or not, the apply link), then each long section collapsed behind its heading: what to bring (a
 * tickable, printable checklist), the steps, how to apply, requirements, results, legal basis and the notes.
 * Everything is bound as text (see `renderRichText`); links come only from the contract's safe URLs.
 * Catalogue content is Vietnamese and marked `lang="vi"`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Fee, Procedure, ProcessingTime, SubmissionMethod } from '@motcua/sdk';
import type { Lang } from '../internal/config.js';
import { formatNumber } from '../internal/i18n/format.js';
import { renderRichText } from '../internal/rich-text.js';
import { checklistOf } from './checklist.js';
import { renderChecklist } from './checklist-view.js';
import type { FinderMessages } from './messages.js';

/** Renders a heading `depth` levels below the widget title, optionally with an id to focus. */
export type HeadingFn = (text: string, depth: number, id?: string) => TemplateResult;


function timeText(t: ProcessingTime, m: FinderMessages): string {
  return t.value != null && t.unit ? m.timeUnits[t.unit](t.value) : '';
}

function feeText(f: Fee, m: FinderMessages, lang: Lang): string {
  const amount = f.amountVnd == null ? m.varies : f.amountVnd === 0 ? m.free : `${formatNumber(f.amountVnd, lang)} ₫`;
  return `${m.feeKinds[f.kind]}: ${amount}`;
}

const feesText = (x: SubmissionMethod, m: FinderMessages, lang: Lang) =>
  x.fees.map((f) => feeText(f, m, lang)).join('; ') || m.notStated;

/** One text when every channel says the same, else one line per channel. */
function perChannel(methods: readonly SubmissionMethod[], m: FinderMessages, text: (x: SubmissionMethod) => string) {
  const texts = methods.map(text);
  if (texts.every((t) => t === texts[0])) return texts[0] || m.notStated;
  return html`<ul role="list">${methods.map((x, i) => html`<li>${m.channels[x.channel]}: ${texts[i] || m.notStated}</li>`)}</ul>`;
}

const vi = (text: string | null | undefined) => (text ? html`<p class="muted" lang="vi">${text}</p>` : nothing);

function method(x: SubmissionMethod, m: FinderMessages, lang: Lang): TemplateResult {
  return html`<li class="method">
    <p class="label">${m.channels[x.channel]}</p>
    <p>${m.time}: ${timeText(x.processingTime, m) || m.notStated}</p>
    ${vi(x.processingTime.note)}
    <p>${m.fees}: ${feesText(x, m, lang)}</p>
    ${x.fees.map((f) => vi(f.description))} ${vi(x.description)}
  </li>`;
}

/** A long section, collapsed behind its heading. */
const section = (title: string, heading: HeadingFn, body: unknown, cls = '') =>
  html`<details class=${`sec ${cls}`}><summary>${heading(title, 2)}</summary><div class="sec-body">${body}</div></details>`;

/** The full view of procedure `p`. */
export function renderProcedure(p: Procedure, m: FinderMessages, lang: Lang, heading: HeadingFn): TemplateResult {
  const list = checklistOf(p.cases);
  const documents = list.groups.reduce((n, g) => n + g.documents.length, 0);
  const summary: [string, unknown][] = [
    [m.where, p.agency ? html`<span lang="vi">${p.agency.name}</span>` : null],
    [m.how, p.methods.map((x) => m.channels[x.channel]).join(', ')],
    [m.time, p.methods.length ? perChannel(p.methods, m, (x) => timeText(x.processingTime, m)) : null],
    [m.fees, p.methods.length ? perChannel(p.methods, m, (x) => feesText(x, m, lang)) : null],
    [m.online, p.online ? m.onlineLevels[p.online] : null],
    [m.subjects, p.subjects.length ? html`<span lang="vi">${p.subjects.join(', ')}</span>` : null],
  ];
  const meta = [p.code, p.levels.map((l) => m.levels[l]).join(', ')];
  const canApply = p.online === 'full' || p.online === 'partial';
  return html`<article class="procedure" aria-labelledby="detail-title">
      <div lang="vi">${heading(p.name, 1, 'detail-title')}</div>
      <p class="muted">
        <!-- A space at the edge of a template would be trimmed by the CDN build: it goes in as text. -->
        ${m.code} ${meta.filter(Boolean).join(' · ')}${p.field ? [' · ', html`<span lang="vi">${p.field.name}</span>`] : nothing}
      </p>
      <dl class="summary">
        ${summary.map(([label, value]) => (value ? html`<div><dt>${label}</dt><dd>${value}</dd></div>` : nothing))}
      </dl>
      ${p.applyOnlineUrl
        ? html`<p>
            <a class="link-button" part="apply" href=${p.applyOnlineUrl} target="_blank" rel="noopener noreferrer"
              >${canApply ? m.apply : m.portal}<span class="sr-only"> ${m.newTab}</span></a
            >
          </p>`
        : nothing}
      ${documents ? section(`${m.dossier} (${documents})`, heading, renderChecklist(list, m, heading), 'to-bring') : nothing}
      ${p.steps.length ? section(m.steps, heading, renderRichText(p.steps), 'steps') : nothing}
      ${p.methods.length
        ? section(m.methods, heading, html`<ul class="methods" role="list">${p.methods.map((x) => method(x, m, lang))}</ul>`)
        : nothing}
      ${p.requirements.length ? section(m.requirements, heading, renderRichText(p.requirements)) : nothing}
      ${p.results.length ? section(m.results, heading, renderRichText(p.results)) : nothing}
      ${p.legalBasis.length || p.decisionNo
        ? section(
            m.legalBasis,
            heading,
            html`<ul class="legal" role="list" lang="vi">
              ${p.legalBasis.map((d) => html`<li>${d.number ? html`<strong>${d.number}</strong> ` : nothing}${d.title}</li>`)}
            </ul>
            ${p.decisionNo ? html`<p>${m.decision}: <span lang="vi">${p.decisionNo}</span></p>` : nothing}`,
          )
        : nothing}
      ${list.notes.length
        ? section(
            `${m.notes} (${list.notes.length})`,
            heading,
            html`<ul class="notes" role="list" lang="vi">${list.notes.map((n) => html`<li>${n}</li>`)}</ul>`,
            'notes',
          )
        : nothing}
      ${p.sourceUrl
        ? html`<p class="muted"><a href=${p.sourceUrl} target="_blank" rel="noopener noreferrer">${m.source}</a></p>`
        : nothing}
    </article>`;
}
