/**
 * Renders procedure content (the contract's `RichText` blocks) as DOM through Lit templates: every run is
 * bound as text, so markup or script in the catalogue shows as characters and never runs. Links keep only
 * the contract's safe `href` (checked again here: http, https, mailto, tel). The catalogue is Vietnamese: the
 * container says so (`lang="vi"`), whatever the widget's language.
 */
import { html, type TemplateResult } from 'lit';
import { SAFE_URL_PATTERN, type Block, type RichText, type TextRun } from '@motcua/sdk';

const SAFE_URL = new RegExp(SAFE_URL_PATTERN, 'i');

function run(r: TextRun): TemplateResult | string {
  if (typeof r === 'string') return r;
  return SAFE_URL.test(r.href)
    ? html`<a href=${r.href} target="_blank" rel="noopener noreferrer">${r.text}</a>`
    : r.text;
}

const runs = (content: readonly TextRun[]) => content.map(run);

function block(b: Block): TemplateResult {
  switch (b.type) {
    case 'heading':
      return html`<p class="rt-h">${runs(b.content)}</p>`;
    case 'list': {
      const items = b.items.map((item) => html`<li>${runs(item)}</li>`);
      return b.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    default:
      return html`<p>${runs(b.content)}</p>`;
  }
}

/** The blocks inside a `.rt` container (see {@link richTextStyles}). */
export function renderRichText(text: RichText): TemplateResult {
  return html`<div class="rt" lang="vi">${text.map(block)}</div>`;
}

