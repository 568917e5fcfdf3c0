/**
 * The server's layers import in one direction: routes → db → (catalogue types, privacy, sdk); demo data is
 * generated from db/ and catalogue/ but nothing serves it directly: only first-start seeding imports demo/.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every relative import of the server's sources, as `from → to` paths under src/ (`db/dossiers.ts`). */
const imports = sources(SRC).flatMap((file) => {
  const from = relative(SRC, file);
  // `… from '…'`, `import('…')` and the bare `import '…'` of a module run for its effects.
  const specifiers = /(?:from\s+|import\s*\(\s*|^import\s+)'(\.\.?\/[^']+)'/gm;
  return [...readFileSync(file, 'utf8').matchAll(specifiers)].map((m) => ({
    from,
    to: relative(SRC, join(dirname(file), m[1]!.replace(/\.js$/, '.ts'))),
  }));
});
const folder = (path: string) => (path.includes('/') ? path.slice(0, path.indexOf('/')) : '');

/** The imports from files in `from` (a folder) into any of `to` (folders). */
function crossing(from: string, to: readonly string[]): string[] {
  return imports.filter((i) => folder(i.from) === from && to.includes(folder(i.to))).map((i) => `${i.from} → ${i.to}`);
}

test('the import list is read (the check below is not vacuous)', () => {
  assert.ok(imports.some((i) => i.from === 'seed-database.ts' && i.to === 'demo/dossiers.ts'));
  assert.ok(imports.some((i) => folder(i.from) === 'routes' && folder(i.to) === 'db'));
});

test('only first-start seeding imports demo data', () => {
  const users = imports.filter((i) => folder(i.to) === 'demo' && folder(i.from) !== 'demo').map((i) => i.from);
  assert.deepEqual([...new Set(users)], ['seed-database.ts']);
});

test('db/ depends on no route, HTTP or demo code', () => {
  assert.deepEqual(crossing('db', ['routes', 'http', 'demo']), []);
});

test('catalogue/ and privacy/ stand alone (the SDK aside)', () => {
  assert.deepEqual(crossing('catalogue', ['db', 'routes', 'http', 'demo', 'privacy', '']), []);
  assert.deepEqual(crossing('privacy', ['db', 'routes', 'http', 'demo', 'catalogue', '']), []);
});
