/**
 * "Share" (the Web Share API, on phones) or "copy link" (elsewhere) for a lookup result: a link to the page
 * with the code in its `url-param` query parameter, so opening it looks the dossier up again.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LookupMessages } from './messages.js';

/** The page's URL with `param` set to `code` (and no fragment). */
export function resultLink(doc: Document, param: string, code: string): string {
  const url = new URL(doc.location.href);
  url.hash = '';
  url.searchParams.set(param, code);
  return url.href;
}

const canShare = (url: string): boolean =>
  typeof navigator.share === 'function' && (typeof navigator.canShare !== 'function' || navigator.canShare({ url }));

/** Share or copy `url`; resolves to 'shared', 'copied', or 'manual' when the clipboard refused. */
export async function shareLink(url: string, title: string): Promise<'shared' | 'copied' | 'manual'> {
  if (canShare(url)) {
    try {
      await navigator.share({ title, url });
      return 'shared';
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return 'shared';
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return 'copied';
  } catch {
    return 'manual';
  }
}

/** The share / copy button, and the link to select by hand when the clipboard is not available. */
export function renderShare(m: LookupMessages, url: string, manual: boolean, onClick: () => void): TemplateResult {
  return html`<button type="button" class="secondary" part="share" @click=${onClick}>
      ${canShare(url) ? m.share : m.copyLink}
    </button>
    ${manual
      ? html`<label class="copy-field"
          >${m.copyManually}<input id="share-link" type="text" readonly .value=${url} @focus=${(e: FocusEvent) =>
            (e.target as HTMLInputElement).select()}
        /></label>`
      : nothing}`;
}
