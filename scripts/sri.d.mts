import type { WidgetAttributes } from './first-requests.mjs';

export function sri(bytes: Uint8Array): string;
/** File → `sha384-…` for every file of the CDN build. */
export function integrities(files: Map<string, Buffer>): Record<string, string>;
/** The tags to paste for one CDN entry: data preloads (with `api`), the script and its chunks' modulepreloads. */
export function widgetSnippet(options: {
  entry: string;
  files: Map<string, Buffer>;
  hashes: Record<string, string>;
  base: string;
  api?: string;
  attributes?: WidgetAttributes;
}): string[];
