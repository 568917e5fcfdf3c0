import { html, svg, type TemplateResult } from 'lit';
import type { DossierStatusGroup } from '@motcua/sdk';

/** Small stroke icons; they repeat what the text says (shape as well as colour), so they are hidden from AT. */
export type IconName = DossierStatusGroup | 'alert' | 'qr' | 'search' | 'star';
const ICONS: Record<IconName, TemplateResult> = {
  submitted: svg`<path d="M6 3h8l4 4v14H6z"/><path d="M14 3v4h4"/>`,
  in_progress: svg`<circle cx="12" cy="12" r="9"/><path d="M12 7v5l3 2"/>`,
  paused: svg`<circle cx="12" cy="12" r="9"/><path d="M10 9v6M14 9v6"/>`,
  done: svg`<circle cx="12" cy="12" r="9"/><path d="m8 12 3 3 5-6"/>`,
  closed: svg`<circle cx="12" cy="12" r="9"/><path d="m9 9 6 6m0-6-6 6"/>`,
  alert: svg`<path d="M12 3 2 20h20z"/><path d="M12 10v4M12 17v.5"/>`,
  qr: svg`<path d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 18h2v2h-2z"/>`,
  search: svg`<circle cx="11" cy="11" r="7"/><path d="m20 20-4-4"/>`,
  star: svg`<path d="m12 3 2.7 5.6 6.1.8-4.5 4.2 1.1 6-5.4-3-5.4 3 1.1-6-4.5-4.2 6.1-.8z"/>`,
};

export function icon(name: IconName): TemplateResult {
  return html`<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICONS[name]}</svg>`;
}
