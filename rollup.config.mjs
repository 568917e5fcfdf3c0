// Browser builds of @motcua/elements for the CDN: one entry that defines every element, one entry per element,
// sharing chunks so two widgets on a page never load Lit twice.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import terser from '@rollup/plugin-terser';

const src = 'packages/elements/src';

/** `src/<name>/define.ts` for every component folder, as `motcua-<name>` entries. */
const elementEntries = Object.fromEntries(
  readdirSync(src, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(src, d.name, 'define.ts')))
    .map((d) => [`motcua-${d.name}`, join(src, d.name, 'define.ts')]),
);

export default {
  input: { motcua: join(src, 'all.ts'), ...elementEntries },
  output: {
    dir: 'packages/elements/dist/cdn',
    format: 'es',
    entryFileNames: '[name].js',
    chunkFileNames: 'chunks/[name]-[hash].js',
    sourcemap: true,
  },
  plugins: [
    nodeResolve({ exportConditions: ['source', 'browser', 'import', 'default'], extensions: ['.ts', '.js'] }),
    esbuild({ target: 'es2022', tsconfig: 'tsconfig.json' }),
    terser({ ecma: 2022, module: true, compress: { passes: 2 }, format: { comments: false } }),
  ],
};
