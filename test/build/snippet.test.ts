/**
 * The tags scripts/sri.mjs prints for a webmaster to paste: the widget's scripts come before its first requests,
 * so that on an HTTP/1.1 origin (six connections a page) a seventh request that has to wait is data the first
 * screen is drawn without, not a script.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

const { widgetSnippet } = (await import('../../scripts/sri.mjs' as string)) as {
  widgetSnippet: (options: { entry: string; files: Map<string, Buffer>; hashes: Record<string, string>; base: string; api?: string; attributes?: Record<string, string> }) => string[];
};

test('the pasted snippet names the scripts first, then the first requests, with a preconnect to another origin first of all', () => {
  const files = new Map([
    ['motcua-dossier-lookup.js', Buffer.from('import "./chunks/motcua-element-Ab12Cd34.js";import "./chunks/time-Ef56Gh78.js";')],
    ['chunks/motcua-element-Ab12Cd34.js', Buffer.from('export const a = 1;')],
    ['chunks/time-Ef56Gh78.js', Buffer.from('export const t = 1;')],
  ]);
  const hashes = Object.fromEntries([...files.keys()].map((f) => [f, `sha384-${f.length}`]));
  const lines = widgetSnippet({ entry: 'motcua-dossier-lookup.js', files, hashes, base: 'https://cdn.example/', api: 'https://api.example/motcua' });
  const kinds = lines.map((line) => /rel="(preconnect|modulepreload|preload)"/.exec(line)?.[1] ?? (line.startsWith('<script') ? 'script' : line));
  assert.deepEqual(kinds, ['preconnect', 'script', 'modulepreload', 'modulepreload', 'preload']);
  assert.match(lines.at(-1)!, /href="https:\/\/api\.example\/motcua\/v1\/meta"/);
});
