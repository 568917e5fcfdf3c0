/**
 * Shared pieces of the stories: a render function that turns args into a widget's attributes, the API base
 * URLs of the loading and error conditions (see .storybook/network-conditions.ts), and helpers for the play
 * functions, which read the widgets' shadow roots the way a user meets them (text, roles).
 */
import { expect, waitFor, within } from 'storybook/test';

/** An API base URL that answers after a delay (the real API, 2.5 s late): the loading state, then the data. */
export const SLOW_API = `${window.location.origin}/__motcua/slow`;
/** An API base URL whose every answer is the rate limiter's 429, with Retry-After: 45 s (longer than the SDK waits by itself). */
export const LIMITED_API = `${window.location.origin}/__motcua/limited`;
/** An API base URL that answers like a gateway whose API is down (HTML 502). */
export const DOWN_API = `${window.location.origin}/__motcua/down`;

/** Documented demo dossiers, one per national status (packages/server/src/demo/fixed-dossiers.ts). */
export const DEMO_DOSSIERS = {
  1: '000.00.20.H37-261127-0001',
  2: '000.00.20.H37-261126-0001',
  3: '000.00.20.H37-261110-0001',
  4: '000.00.20.H37-261123-0001',
  5: '000.00.20.H37-261124-0001',
  6: '000.00.20.H37-261125-0001',
  7: '000.00.20.H37-261104-0001',
  8: '000.00.20.H37-261026-0001',
  9: '000.00.20.H37-261116-0001',
  10: '000.00.20.H37-261005-0001',
} as const;

type ArgValue = string | number | boolean | null | undefined;

/** Story args: a widget's attributes by their HTML names (`heading-level`), or its properties. */
export type WidgetArgs = Record<string, ArgValue>;

/**
 * Render `tag` with `args` as attributes (kebab-case names, as a webmaster writes them): `true` adds a
 * boolean attribute, `false`/empty leaves it out. A camelCase arg that is a property of the element (from the
 * docs' property controls) is set as that property.
 */
export function renderTag(tag: string) {
  return (args: WidgetArgs): HTMLElement => {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(args)) {
      if (value === undefined || value === null || value === false || value === '' || typeof value === 'function') continue;
      if (!name.includes('-') && name !== name.toLowerCase() && name in el) {
        (el as unknown as Record<string, unknown>)[name] = value;
      } else {
        el.setAttribute(name, value === true ? '' : String(value));
      }
    }
    return el;
  };
}

/** The widget `tag` in the story's canvas, once upgraded and rendered. */
export async function widget<E extends HTMLElement = HTMLElement>(canvasElement: HTMLElement, tag: string): Promise<E> {
  await customElements.whenDefined(tag);
  const el = canvasElement.querySelector<E>(tag);
  if (!el) throw new Error(`No <${tag}> in the story`);
  await (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete;
  return el;
}

/** Testing Library queries inside the widget's shadow root. */
export function inside(el: HTMLElement) {
  if (!el.shadowRoot) throw new Error(`<${el.localName}> has no shadow root`);
  return within(el.shadowRoot as unknown as HTMLElement);
}

/** The widget's visible text, whitespace collapsed. */
export function textOf(el: HTMLElement): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Wait until the widget shows `text`. */
export async function shows(el: HTMLElement, text: string | RegExp, timeout = 15_000): Promise<void> {
  await waitFor(() => expect(textOf(el)).toMatch(text), { timeout });
}

/** The element with `part` in the shadow root (waiting for it). */
export async function part(el: HTMLElement, name: string, timeout = 15_000): Promise<HTMLElement> {
  return waitFor(
    () => {
      const found = el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`);
      if (!found) throw new Error(`<${el.localName}> shows no part "${name}" yet`);
      return found;
    },
    { timeout },
  );
}

/** Wait until the element with `part` shows `text` (a part may appear before its content has loaded). */
export async function partShows(el: HTMLElement, name: string, text: string | RegExp, timeout = 15_000): Promise<HTMLElement> {
  return waitFor(
    async () => {
      const found = el.shadowRoot?.querySelector<HTMLElement>(`[part~="${name}"]`);
      await expect(found, `<${el.localName}> part "${name}"`).toHaveTextContent(text);
      return found!;
    },
    { timeout },
  );
}

/** Wait until nothing in the widget is loading (`aria-busy="true"`), e.g. after typing into a search field. */
export async function settled(el: HTMLElement, timeout = 15_000): Promise<void> {
  await waitFor(() => expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).toBeNull(), { timeout });
}
