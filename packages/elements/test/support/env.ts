/** What the wtr plugin (api-plugin.mjs) hands to the browser tests, and helpers shared by them. */
import { executeServerCommand } from '@web/test-runner-commands';
import { waitUntil } from '@open-wc/testing';

export interface TestApi {
  /** The main server, through the network switch (also the page's `<meta name="motcua:api">`). */
  main: string;
  /** The main server, directly (for checks the switch must not affect). */
  direct: string;
  /** Verification required. */
  strict: string;
  /** 2 lookups per minute. */
  limited: string;
  /** A solved proof-of-work after 2 missed lookups from one client. */
  guarded: string;
}

export interface TestEnv {
  urls: TestApi;
  /** Test dossiers ingested into every server instance through the real ingest API (start-api.ts). */
  dossiers: Record<FixtureName, Fixture>;
}

export type FixtureName =
  | 'settled'
  | 'overdue'
  | 'fresh'
  | 'waiting'
  | 'fees'
  | 'accepted'
  | 'rated'
  | `rate${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10}`;

export interface Fixture {
  code: string;
  /** Last 4 digits of the applicant's phone (the verification factor). */
  verify: string;
  status: number;
  /** The office the dossier was filed at. */
  office: string;
}

declare global {
  interface Window {
    __MOTCUA_TEST__: TestEnv;
  }
}

export const env = (): TestEnv => window.__MOTCUA_TEST__;

/** A test dossier by name. */
export const dossier = (name: FixtureName): Fixture => env().dossiers[name];

export type NetworkMode = 'up' | 'down' | 'bad-gateway' | 'hang' | 'lose-response' | 'hold-meta';

/** Switch the network between the page and the main server. */
export async function setNetwork(mode: NetworkMode): Promise<void> {
  await executeServerCommand('motcua-network', { mode });
}

/** Post `rows` to the main server's ingest batch API (through the wtr plugin, which holds the key). */
export async function ingest(rows: unknown[]): Promise<{ status: number; body: unknown }> {
  return (await executeServerCommand('motcua-ingest', { rows })) as { status: number; body: unknown };
}

/** The visible text of a shadow root, whitespace collapsed. */
export function textOf(el: Element): string {
  return (el.shadowRoot ?? el).textContent?.replace(/\s+/g, ' ').trim() ?? '';
}

/** `el.shadowRoot.querySelector(selector)`, failing loudly when absent. */
export function $(el: Element, selector: string): HTMLElement {
  const found = el.shadowRoot?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`No ${selector} in <${el.localName}>`);
  return found;
}

/** Wait until the shadow root's text contains `text`. */
export async function waitForText(el: Element, text: string, timeout = 15000): Promise<void> {
  await waitUntil(() => textOf(el).includes(text), `<${el.localName}> never showed "${text}"; it shows: ${textOf(el).slice(0, 300)}`, { timeout });
}

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Mounts a `<motcua-dossier-lookup>` with `attributes` in `parent` and waits for its first result. The listener is
 * attached before the element connects: a deep link's lookup starts at once, and on a fast server its result can
 * arrive before a listener attached after `fixture()` resolves.
 */
export async function mountLookup<T extends HTMLElement>(parent: Element, attributes: Record<string, string>): Promise<{ el: T; detail: { dossier: { code: string } } }> {
  const el = document.createElement('motcua-dossier-lookup') as unknown as T;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  const result = new Promise<CustomEvent<{ dossier: { code: string } }>>((resolve) =>
    el.addEventListener('motcua-result', (event) => resolve(event as CustomEvent<{ dossier: { code: string } }>), { once: true }),
  );
  parent.append(el);
  const { detail } = await result;
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return { el, detail };
}
