/**
 * The "what to bring" checklist of the procedure view: tickable documents grouped by case, a choice of the
 * citizen's case when the catalogue has several, and a print button that prints the list alone.
 * Catalogue text is marked `lang="vi"`; the widget's own words follow the widget's language.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { DossierComponent } from '@motcua/sdk';
import type { Checklist } from './checklist.js';
import type { FinderMessages } from './messages.js';
import type { HeadingFn } from './procedure-detail.js';

/** Show the groups of the chosen case (all when none is chosen); the groups for everyone stay. */
function onChoose(e: Event): void {
  const select = e.target as HTMLSelectElement;
  if (select.name !== 'case') return;
  for (const g of (e.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('[data-case]')) {
    g.hidden = !!select.value && g.dataset.case !== select.value;
  }
}

/** Print the checklist alone (the print style hides the rest of the procedure while `printing` is set). */
function onPrint(e: Event): void {
  const article = (e.currentTarget as HTMLElement).closest('article')!;
  article.querySelector('details')!.open = true;
  article.classList.add('printing');
  try {
    print();
  } finally {
    article.classList.remove('printing');
  }
}

/** "1 bản chính · 2 bản sao", or that the catalogue does not say how many. */
export function countText(d: DossierComponent, m: FinderMessages): string {
  const parts = [d.originals ? m.originals(d.originals) : '', d.copies ? m.copies(d.copies) : ''].filter(Boolean);
  return parts.join(' · ') || m.countNotStated;
}

function documentItem(d: DossierComponent, id: string, m: FinderMessages): TemplateResult {
  return html`<li class="doc">
    <input type="checkbox" id=${id} />
    <label for=${id}>
      <span lang="vi">${d.name}</span>
      <span class="muted">${countText(d, m)} · <span class=${d.required ? 'required' : ''}>${d.required ? m.required : m.optional}</span></span>
    </label>
    ${d.forms.map((f) =>
      f.url
        ? html`<a href=${f.url} target="_blank" rel="noopener noreferrer">${m.form}: <span lang="vi">${f.name}</span></a>`
        : html`<span class="muted">${m.form}: <span lang="vi">${f.name}</span></span>`,
    )}
  </li>`;
}

/** The checklist body (inside its section). */
export function renderChecklist(list: Checklist, m: FinderMessages, heading: HeadingFn): TemplateResult {
  const cases = list.groups.map((g, i) => [g, i] as const).filter(([g]) => g.conditional);
  return html`<div class="bring" @change=${onChoose}>
    <p class="muted">${m.tick}</p>
    ${cases.length
      ? html`<div class="field">
          <label for="case">${m.yourCase}</label>
          <select id="case" name="case">
            <option value="">${m.allCases}</option>
            ${cases.map(([g, i]) => html`<option value=${i} lang="vi">${g.title}</option>`)}
          </select>
        </div>`
      : nothing}
    ${list.groups.map(
      (g, i) => html`<section class="group" data-case=${g.conditional ? i : nothing}>
        ${g.title ? html`<div lang="vi">${heading(g.title, 3)}</div>` : list.groups.length > 1 ? heading(m.otherDocs, 3) : nothing}
        <p class="muted">${m.docCount(g.documents.filter((d) => d.required).length, g.documents.filter((d) => !d.required).length)}</p>
        <ul class="docs" role="list">${g.documents.map((d, j) => documentItem(d, `doc-${i}-${j}`, m))}</ul>
      </section>`,
    )}
    <button type="button" class="secondary" @click=${onPrint}>${m.print}</button>
  </div>`;
}
