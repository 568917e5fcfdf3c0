/**
 * The React example (examples/framework): a React 19 page that uses the motcua elements from the npm packages
 * (@motcua/elements, @motcua/sdk: their built `dist`, as an application would get them from npm).
 *
 *   npm run build && npx vite build --config examples/framework/vite.config.mjs
 *   npm start   → http://localhost:8080/framework/dist/
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      // The app imports <motcua-rating> itself, so the lookup's lazy import of it has nothing left to split off.
      onwarn(warning, warn) {
        if (warning.code !== 'INEFFECTIVE_DYNAMIC_IMPORT') warn(warning);
      },
      checks: { pluginTimings: false },
    },
  },
});
