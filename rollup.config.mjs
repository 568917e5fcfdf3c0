// Browser builds of @motcua/elements for the CDN (packages/elements/dist/cdn), also shipped in the npm package
// so public CDNs that mirror npm serve them:
// - `motcua.js` defines every element;
// - `motcua-<name>.js` defines one element (`src/<name>/define.ts`);
// - `motcua-autoloader.js` defines each element the first time its tag appears on the page;
// all sharing chunks (`chunks/`), so two widgets on a page never load Lit or the SDK twice.
// The npm build (ESM + declarations) is `tsc -b packages/elements`; sizes: scripts/size.mjs; SRI: scripts/sri.mjs.
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';
import minifyHTML from '@lit-labs/rollup-plugin-minify-html-literals';

const root = fileURLToPath(new URL('.', import.meta.url));
const src = join(root, 'packages/elements/src');
const sdkSrc = join(root, 'packages/sdk/src');

/** `src/<name>/define.ts` for every component folder, as `motcua-<name>` entries. */
const elementEntries = Object.fromEntries(
  readdirSync(src, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(src, d.name, 'define.ts')))
    .map((d) => [`motcua-${d.name}`, join(src, d.name, 'define.ts')]),
);

/** Warnings about third-party code we do not control (zod's comment placement, its internal cycles). */
function isThirdPartyNoise(warning) {
  const id = warning.id ?? warning.ids?.[0] ?? '';
  return (
    (warning.code === 'INVALID_ANNOTATION' || warning.code === 'CIRCULAR_DEPENDENCY') &&
    (id.includes('/node_modules/') || (warning.ids ?? []).every((i) => i.includes('/node_modules/')))
  );
}

/** After writing, delete files of earlier builds (old hashed chunks) so the folder holds exactly this build. */
function removeStaleFiles() {
  return {
    name: 'motcua-remove-stale-files',
    writeBundle({ dir }, bundle) {
      const current = new Set(Object.keys(bundle).flatMap((file) => [file, ...Object.keys(COMPRESSED_FORMS).map((ext) => file + ext)]));
      for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
        if (!entry.isFile()) continue;
        const file = join(entry.parentPath, entry.name).slice(dir.length + 1).replaceAll('\\', '/');
        if (!current.has(file)) rmSync(join(dir, file));
      }
    },
  };
}

/** The compressed forms written beside each script (`precompress`), by file extension. */
const COMPRESSED_FORMS = {
  '.br': (code) =>
    brotliCompressSync(code, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY, [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT, [zlib.BROTLI_PARAM_SIZE_HINT]: code.length },
    }),
  '.gz': (code) => gzipSync(code, { level: zlib.Z_BEST_COMPRESSION }),
};

/**
 * Beside each script, its brotli (`.br`, best quality) and gzip (`.gz`) forms, for servers that send a file
 * compressed ahead of time (the reference server: @fastify/static's `preCompressed`; nginx: `gzip_static`).
 * Compressing the shared chunk for each request took the reference server ~6 ms of its one thread, so a page's
 * seven requests queued behind one another; best-quality brotli is also ~13 % smaller than what the server
 * afforded per request (quality 4). About 0.4 s of the build for the 22 scripts.
 */
function precompress() {
  return {
    name: 'motcua-precompress',
    writeBundle({ dir }, bundle) {
      for (const [file, output] of Object.entries(bundle)) {
        if (output.type !== 'chunk') continue;
        const code = Buffer.from(output.code);
        for (const [ext, compress] of Object.entries(COMPRESSED_FORMS)) writeFileSync(join(dir, file + ext), compress(code));
      }
    },
  };
}

/**
 * The autoloader imports a widget's entry when its tag appears, and the entry then imports its chunks: one more
 * round trip (2 s on a slow 3G line). Name those chunks where the autoloader imports the entry, as
 * `<link rel="modulepreload">`, so they download together with it.
 */
function preloadWhatTheAutoloaderImports() {
  const helper =
    'const __motcuaPreload=(files)=>{for(const file of files){const href=new URL(file,import.meta.url).href;' +
    'if(document.querySelector(`link[rel="modulepreload"][href="${href}"]`))continue;' +
    'const link=document.createElement("link");link.rel="modulepreload";link.href=href;document.head.append(link)}};';
  return {
    name: 'motcua-preload-autoloaded-chunks',
    renderDynamicImport({ chunk, getTargetChunkImports }) {
      if (chunk.name !== 'motcua-autoloader') return null;
      // `resolvedImportPath` is a string literal as it stands in the code ('./chunks/…').
      const files = (getTargetChunkImports() ?? []).filter((i) => i.type === 'internal').map((i) => i.resolvedImportPath);
      return files.length ? { left: `(__motcuaPreload([${files.join(',')}]),import(`, right: '))' } : null;
    },
    intro: (chunk) => (chunk.name === 'motcua-autoloader' ? helper : ''),
  };
}

/** The CDN build (exported for scripts/size.mjs, which measures it in memory). */
export const cdn = {
  input: {
    motcua: join(src, 'all.ts'),
    'motcua-autoloader': join(src, 'autoloader.ts'),
    ...elementEntries,
  },
  output: {
    dir: join(root, 'packages/elements/dist/cdn'),
    format: 'es',
    entryFileNames: '[name].js',
    // Rollup names a chunk after one of its modules; the shared one (Lit, the SDK's client, the base element, …)
    // would take the name of whichever it picks (`format` once the formatters joined it): name it after its base
    // element, as README and BENCHMARKS call it.
    chunkFileNames: (chunk) =>
      chunk.moduleIds.some((id) => id.replaceAll('\\', '/').endsWith('/internal/motcua-element.ts'))
        ? 'chunks/motcua-element-[hash].js'
        : 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  // The SDK declares `"sideEffects": false`; its sources are reached through the `source` condition and
  // resolved by the esbuild plugin, which does not pass that on. Without it every contract schema (a top-level
  // `z.object(…)` call) would ship in the shared chunk whether a page uses it or not.
  treeshake: { moduleSideEffects: (id) => !id.startsWith(sdkSrc) },
  // `motcua.js` re-exports more of a widget (e.g. the rating's offline queue) than `motcua-<name>.js` does; letting
  // the widget's entry carry those extra exports keeps its code in the entry instead of a `define-*` chunk of its
  // own (one file and one request fewer for a page with that widget).
  preserveEntrySignatures: 'allow-extension',
  onwarn(warning, warn) {
    if (!isThirdPartyNoise(warning)) warn(warning);
  },
  plugins: [
    nodeResolve({ exportConditions: ['source', 'browser', 'import', 'default'], extensions: ['.ts', '.js'] }),
    // The HTML and CSS inside Lit's templates (terser leaves template text alone).
    // `conservativeCollapse`: runs of white space become one space, never none, so text at the edge of a
    // nested template keeps its space ("Cấp xã · Hộ tịch", not "Cấp xã· Hộ tịch").
    minifyHTML({ include: [`${src}/**/*.ts`], failOnError: true, options: { minifyOptions: { conservativeCollapse: true } } }),
    esbuild({ target: 'es2022', tsconfig: join(root, 'tsconfig.json') }),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
    preloadWhatTheAutoloaderImports(),
    removeStaleFiles(),
    precompress(),
  ],
};

export default cdn;
