/**
 * The procedure view of `<motcua-procedure-finder>`: what a citizen needs to apply, in the order they need
 * it. Everything is bound as text (see `renderRichText`); links come only from the contract's safe URLs.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DossierCase, Fee, Procedure, ProcessingTime, SubmissionMethod } from '@motcua/sdk';
import type { Lang } from '../internal/config.js';
import { renderRichText } from '../internal/rich-text.js';
import type { FinderMessages } from './messages.js';

/** Renders a heading `depth` levels below the widget title, optionally with an id to focus. */
export type HeadingFn = (text: string, depth: number, id?: string) => TemplateResult;

const vnd = new Map<Lang, Intl.NumberFormat>();
function formatVnd(amount: number, lang: Lang): string {
  let f = vnd.get(lang);
  if (!f) vnd.set(lang, (f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', { style: 'currency', currency: 'VND' })));
  return f.format(amount);
}

function timeText(t: ProcessingTime, m: FinderMessages): string {
  const limit = t.value != null && t.unit ? m.timeUnits[t.unit](t.value) : '';
  return [limit, t.note].filter(Boolean).join('. ') || m.notStated;
}

function feeText(f: Fee, m: FinderMessages, lang: Lang): string {
  const amount = f.amountVnd == null ? m.varies : f.amountVnd === 0 ? m.free : formatVnd(f.amountVnd, lang);
  return `${m.feeKinds[f.kind]}: ${amount}`;
}

function method(x: SubmissionMethod, m: FinderMessages, lang: Lang): TemplateResult {
  return html`<li class="method">
    <p class="label">${m.channels[x.channel]}</p>
    <dl>
      <div><dt>${m.time}</dt><dd>${timeText(x.processingTime, m)}</dd></div>
      <div>
        <dt>${m.fees}</dt>
        <dd>
          ${x.fees.length
            ? html`<ul class="fees">
                ${x.fees.map(
                  (f) => html`<li>${feeText(f, m, lang)}${f.description ? html`<p class="muted">${f.description}</p>` : nothing}</li>`,
                )}
              </ul>`
            : m.notStated}
        </dd>
      </div>
    </dl>
    ${x.description ? html`<p class="muted">${x.description}</p>` : nothing}
  </li>`;
}

function dossierCase(c: DossierCase, m: FinderMessages, heading: HeadingFn): TemplateResult {
  return html`${c.title ? heading(c.title, 3) : nothing}
    <ol class="components" role="list">
      ${c.components.map(
        (d) => html`<li>
          <p>${d.name}</p>
          <p class="muted">
            <span class=${d.required ? 'badge required' : 'badge'}>${d.required ? m.required : m.optional}</span>
            ${m.originals(d.originals)} · ${m.copies(d.copies)}
          </p>
          ${d.forms.map((f) =>
            f.url
              ? html`<p><a href=${f.url} target="_blank" rel="noopener noreferrer">${m.form}: ${f.name}</a></p>`
              : html`<p class="muted">${m.form}: ${f.name}</p>`,
          )}
        </li>`,
      )}
    </ol>`;
}

const section = (title: string, heading: HeadingFn, body: unknown) =>
  html`<section class="section">${heading(title, 2)}${body}</section>`;

/** The full view of procedure `p`. */
export function renderProcedure(p: Procedure, m: FinderMessages, lang: Lang, heading: HeadingFn): TemplateResult {
  const facts: [string, string | null | undefined][] = [
    [m.code, p.code],
    [m.field, p.field?.name],
    [m.agency, p.agency?.name],
    [m.level, p.levels.map((l) => m.levels[l]).join(', ')],
    [m.online, p.online ? m.onlineLevels[p.online] : null],
    [m.subjects, p.subjects.join(', ')],
    [m.decision, p.decisionNo],
  ];
  const canApply = p.online === 'full' || p.online === 'partial';
  return html`<article class="procedure" aria-labelledby="detail-title">
    ${heading(p.name, 1, 'detail-title')}
    <dl class="facts">
      ${facts.map(([label, value]) => (value ? html`<div><dt>${label}</dt><dd>${value}</dd></div>` : nothing))}
    </dl>
    ${p.applyOnlineUrl
      ? html`<p>
          <a class="link-button" part="apply" href=${p.applyOnlineUrl} target="_blank" rel="noopener noreferrer"
            >${canApply ? m.apply : m.portal}<span class="sr-only"> ${m.newTab}</span></a
          >
        </p>`
      : nothing}
    ${p.methods.length
      ? section(m.methods, heading, html`<ul class="methods" role="list">${p.methods.map((x) => method(x, m, lang))}</ul>`)
      : nothing}
    ${p.cases.some((c) => c.components.length)
      ? section(m.dossier, heading, p.cases.map((c) => dossierCase(c, m, heading)))
      : nothing}
    ${p.steps.length ? section(m.steps, heading, renderRichText(p.steps)) : nothing}
    ${p.requirements.length ? section(m.requirements, heading, renderRichText(p.requirements)) : nothing}
    ${p.results.length ? section(m.results, heading, renderRichText(p.results)) : nothing}
    ${p.legalBasis.length
      ? section(
          m.legalBasis,
          heading,
          html`<ul class="legal" role="list">
            ${p.legalBasis.map((d) => html`<li>${d.number ? html`<strong>${d.number}</strong> ` : nothing}${d.title}</li>`)}
          </ul>`,
        )
      : nothing}
    ${p.sourceUrl
      ? html`<p class="muted"><a href=${p.sourceUrl} target="_blank" rel="noopener noreferrer">${m.source}</a></p>`
      : nothing}
  </article>`;
}
