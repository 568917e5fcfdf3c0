#!/usr/bin/env node
/**
 * Are the packed packages right? For each workspace package, `npm pack` it (after `npm run build`), then:
 * - publint on the tarball (exports, files, formats; warnings count as errors);
 * - @arethetypeswrong/cli on the tarball (types resolve for every entry point; ESM-only profile, since the
 *   packages are ESM-only and Node ≥ 20.19 `require()`s ESM);
 * - every file the `exports` map and `bin` point at is in the tarball, and nothing from tests or databases is;
 * - for @motcua/elements: the CDN build and custom-elements.json are shipped, and the generated React 19 types
 *   type-check in a JSX file (with the repository's @types/react) and reject a wrong attribute type.
 *
 *   npm run build && node scripts/check-packages.mjs
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['packages/sdk', 'packages/elements', 'packages/server'];
const bin = (name) => join(root, 'node_modules/.bin', name);

/** Run a command; returns its output, or throws with it when the exit code is not 0. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw result.error;
  return { ok: result.status === 0, out: `${result.stdout}${result.stderr}`.trim() };
}

/** `npm pack` a package into `dir`; returns the tarball path and the packed file names. */
function pack(pkgDir, dir) {
  const { ok, out } = run('npm', ['pack', `./${pkgDir}`, '--json', '--ignore-scripts', '--pack-destination', dir]);
  if (!ok) throw new Error(`npm pack ${pkgDir} failed:\n${out}`);
  const [info] = JSON.parse(out.slice(out.indexOf('[')));
  return { tarball: join(dir, info.filename), files: new Set(info.files.map((f) => f.path)), size: info.size };
}

/** Every file path the package.json points at: export targets (all conditions) and bins. */
function pointedFiles(pkg) {
  const targets = [];
  const walk = (value) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(pkg.exports);
  walk(pkg.bin);
  if (pkg.types) targets.push(pkg.types);
  return [...new Set(targets.map((t) => t.replace(/^\.\//, '')))];
}

/** The generated React types, used in a JSX file: right usages pass, a wrong one is reported. */
function checkReactTypes(dir) {
  const app = join(dir, 'app.tsx');
  writeFileSync(
    app,
    `import type {} from '${join(root, 'packages/elements/dist/types/react.js')}';
export const ok = (
  <motcua-dossier-lookup url-param="ma_ho_so" heading-level="3" onmotcua-result={(e) => e.detail.dossier.status} />
);
export const rating = <motcua-rating office="ubnd-xa-cong-son" summary required={false} />;
// @ts-expect-error timeout is a number
export const wrong = <motcua-dossier-lookup timeout="soon" />;
`,
  );
  const { ok, out } = run(bin('tsc'), [
    '--noEmit', '--strict', '--jsx', 'react-jsx', '--module', 'nodenext', '--moduleResolution', 'nodenext',
    '--target', 'es2022', '--lib', 'es2023,dom,dom.iterable', '--skipLibCheck', '--types', 'react',
    '--typeRoots', join(root, 'node_modules/@types'), app,
  ]);
  return ok ? [] : [`React types do not type-check:\n${out}`];
}

async function checkPackage(pkgDir, dir) {
  const pkg = JSON.parse(readFileSync(join(root, pkgDir, 'package.json'), 'utf8'));
  const problems = [];
  const { tarball, files, size } = pack(pkgDir, dir);

  const bytes = readFileSync(tarball);
  const packed = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages } = await publint({ pack: { tarball: packed }, strict: true });
  for (const m of messages) {
    if (m.type !== 'suggestion') problems.push(`publint ${m.type}: ${formatMessage(m, pkg) ?? m.code}`);
    else console.log(`  publint suggestion: ${formatMessage(m, pkg) ?? m.code}`);
  }

  const attw = run(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-emoji', '--no-color']);
  if (!attw.ok) problems.push(`attw:\n${attw.out}`);

  for (const file of pointedFiles(pkg)) {
    if (!file.includes('*') && !files.has(file)) problems.push(`package.json points at ${file}, which is not in the tarball`);
  }
  for (const file of files) {
    if (/(^|\/)test\/|\.test\.|\.db(-wal|-shm)?$|tsbuildinfo$/.test(file)) problems.push(`the tarball should not contain ${file}`);
  }
  if (pkg.name === '@motcua/elements') {
    for (const needed of ['custom-elements.json', 'dist/cdn/motcua.js', 'dist/cdn/motcua-autoloader.js', 'dist/types/react.d.ts']) {
      if (!files.has(needed)) problems.push(`the tarball lacks ${needed}`);
    }
    problems.push(...checkReactTypes(dir));
  }
  console.log(`${problems.length ? '✗' : '✓'} ${pkg.name}: ${files.size} files, ${(size / 1024).toFixed(1)} kB packed`);
  return problems;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-pack-'));
  let failed = false;
  try {
    for (const pkgDir of PACKAGES) {
      const problems = await checkPackage(pkgDir, dir);
      for (const p of problems) console.error(`  ${p.replaceAll('\n', '\n    ')}`);
      failed ||= problems.length > 0;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
