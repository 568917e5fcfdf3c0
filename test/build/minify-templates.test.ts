/**
 * The CDN build minifies the HTML inside Lit templates (rollup.config.mjs). It must never remove the space at
 * the edge of a nested template: `html\` (Mùa hè)\`` inside another template would read "Lịch làm việc(Mùa hè)".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';

interface Plugin {
  name?: string;
  transform: (this: unknown, code: string, id: string) => Promise<string | { code: string } | null>;
}
// A plain JavaScript module without declarations: typed here by what the test uses.
const { cdn } = (await import('../../rollup.config.mjs' as string)) as { cdn: { input: Record<string, string>; plugins: Plugin[] } };

const minifier = cdn.plugins.find((p) => /minify-html-literals/.test(p.name ?? ''));

test('the template minifier keeps a space at the edge of a nested template, and still minifies', async () => {
  assert.ok(minifier, 'the CDN build has the template minifier');
  const source = "import { html } from 'lit';\nexport const t = (s: boolean) => html`<p>\n    <span>Lịch làm việc</span>${s ? html` (Mùa hè)` : ''} · ${'x'}\n  </p>`;\n";
  const out = await minifier!.transform.call({ warn() {}, error(e: unknown) { throw e; } }, source, `${cdn.input.motcua!.replace(/all\.ts$/, '')}probe.ts`);
  const code = typeof out === 'string' ? out : (out?.code ?? source);
  assert.match(code, /html` \(Mùa hè\)`/);
  assert.match(code, /\} · \$\{/);
  assert.doesNotMatch(code, /<p>\n/, 'the surrounding white space is still collapsed');
});
