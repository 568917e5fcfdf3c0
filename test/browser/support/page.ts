/**
 * Helpers of the hardening suites: what the config's plugin hands to the tests (hardening-plugin.mjs), the
 * fault-proxy switch, test pages opened in a same-origin iframe (their own document, styles, globals and
 * Content-Security-Policy), and a citizen's use of each widget, driven through its shadow DOM.
 */
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from '@open-wc/testing';

export interface HardeningEnv {
  urls: { main: string; strict: string; limited: string; guarded: string };
  dossiers: Record<string, { code: string; verify: string; status: number; office: string }>;
  hostile: { url: string; procedures: { code: string; payloads: number[] }[]; offices: { id: string; payload: number }[] };
  /** The fault proxy in front of `main`. */
  proxy: string;
  /** The two URLs of the built CDN bundle. */
  cdn: [string, string];
}

/** What recorder.js collects in a test page. */
export interface Recorded {
  violations: string[];
  errors: string[];
  consoleErrors: string[];
  xss: number[];
}

declare global {
  interface Window {
    __HARDENING__: HardeningEnv;
    __recorded?: Recorded;
    __xss?: (n: number) => void;
  }
}

export const env = (): HardeningEnv => window.__HARDENING__;

export type FaultMode = 'up' | 'wrong-types' | 'missing-fields' | 'html-error' | 'teapot' | 'truncated' | 'huge' | 'slow' | 'flaky';

/** Switch the fault proxy; returns what it counted since the previous switch. */
export async function setFault(
  mode: FaultMode,
  options: { seed?: number; dropRequests?: number; dropResponses?: number; delay?: number; slowMs?: number } = {},
): Promise<Record<string, number>> {
  return (await executeServerCommand('hardening-proxy', { mode, options })) as Record<string, number>;
}

export const WIDGETS = ['motcua-dossier-lookup', 'motcua-rating', 'motcua-procedure-finder', 'motcua-counter-directory', 'motcua-stats'] as const;
export type WidgetTag = (typeof WIDGETS)[number];

/** The visible text of an element's shadow root, whitespace collapsed. */
export function textOf(el: Element): string {
  return (el.shadowRoot ?? el).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** `el.shadowRoot.querySelector(selector)`, failing loudly when absent. */
export function inside<T extends Element = HTMLElement>(el: Element, selector: string): T {
  const found = el.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`No ${selector} in <${el.localName}>; it shows: ${textOf(el).slice(0, 200)}`);
  return found;
}

/** Wait until a shadow root's text contains `text`. */
export async function waitForText(el: Element, text: string, timeout = 20000): Promise<void> {
  await waitUntil(() => textOf(el).includes(text), `<${el.localName}> never showed "${text}"; it shows: ${textOf(el).slice(0, 300)}`, {
    timeout,
  });
}

export interface TestPage {
  frame: HTMLIFrameElement;
  win: Window & typeof globalThis;
  doc: Document;
  recorded: Recorded;
  widget(tag: WidgetTag): HTMLElement;
  close(): void;
}

/** Open `/hardening/pages/<name>` in an iframe and wait until every widget is defined and rendered. */
export async function openPage(name: string): Promise<TestPage> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 1200px; height: 900px; border: 0';
  frame.src = `/hardening/pages/${name}`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const doc = frame.contentDocument!;
  await waitUntil(() => WIDGETS.every((tag) => win.customElements.get(tag)), `not every widget was defined in ${name}`, { timeout: 20000 });
  await waitUntil(() => WIDGETS.every((tag) => doc.querySelector(tag)?.shadowRoot?.childElementCount), `a widget did not render in ${name}`);
  return {
    frame,
    win,
    doc,
    recorded: win.__recorded!,
    widget(tag) {
      const el = doc.querySelector<HTMLElement>(tag);
      if (!el) throw new Error(`no <${tag}> in ${name}`);
      return el;
    },
    close: () => frame.remove(),
  };
}

/** Type `value` into a field inside a shadow root as input events do. */
export function fill(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Submit the form around `field` with its submit button, as a click would. */
export function submit(el: Element, button = 'button[type="submit"]'): void {
  inside(el, button).click();
}

/** Look a dossier up and wait for its result. */
export async function useLookup(el: Element, code: string): Promise<void> {
  fill(inside<HTMLInputElement>(el, '#code'), code);
  submit(el);
  await waitUntil(() => el.shadowRoot!.querySelector('[part="status"]'), `no dossier shown; the lookup shows: ${textOf(el).slice(0, 300)}`, {
    timeout: 20000,
  });
}

/** Choose a level, write a comment, send, and wait for the thanks. */
export async function useRating(el: Element, comment = 'Cán bộ hướng dẫn tận tình.'): Promise<void> {
  inside(el, '[role="radio"][data-level="satisfied"]').click();
  fill(inside<HTMLTextAreaElement>(el, '#comment'), comment);
  submit(el);
  await waitForText(el, 'Cảm ơn bạn đã đánh giá');
}

/** Search procedures, open the first result, and wait for its detail. */
export async function useFinder(el: Element, query = 'khai sinh'): Promise<void> {
  fill(inside<HTMLInputElement>(el, '#q'), query);
  await waitUntil(() => el.shadowRoot!.querySelector('button.item'), `no procedure found; the finder shows: ${textOf(el).slice(0, 300)}`, {
    timeout: 20000,
  });
  inside(el, 'button.item').click();
  await waitUntil(() => el.shadowRoot!.querySelector('[part="detail"][aria-busy="false"]'), 'the procedure did not open', { timeout: 20000 });
}

/** Wait for the office list, then search it. */
export async function useDirectory(el: Element, query = 'Công Sơn'): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('li.office'), `no office listed; the directory shows: ${textOf(el).slice(0, 300)}`, {
    timeout: 20000,
  });
  fill(inside<HTMLInputElement>(el, '#q'), query);
  inside<HTMLFormElement>(el, 'form').requestSubmit();
  await waitUntil(
    () => [...el.shadowRoot!.querySelectorAll('li.office')].some((li) => li.textContent!.includes(query)),
    `the directory did not find "${query}"`,
    { timeout: 20000 },
  );
}

/** Wait for the statistics figures. */
export async function useStats(el: Element): Promise<void> {
  await waitUntil(() => el.shadowRoot!.querySelector('.figures'), `no figures; the stats widget shows: ${textOf(el).slice(0, 300)}`, {
    timeout: 20000,
  });
}
