/**
 * Storybook 10 (web components + Vite): one story file per widget in stories/, controls and docs from
 * packages/elements/custom-elements.json (regenerated here from the sources on every start), the a11y addon,
 * and story tests through @storybook/addon-vitest (vitest.config.ts).
 *
 * The widgets call the reference server through a Vite proxy (`/v1` → the API):
 * - `npm run storybook` starts one on a fresh demo database (or set MOTCUA_STORYBOOK_API=http://… to use yours);
 * - `npm run test:stories`: vitest.config.ts picks the port and its global setup starts the server;
 * - `npm run build:storybook`: a static site with no proxy: the stories call `/v1` on the host that serves it,
 *   or the API given as STORYBOOK_MOTCUA_API at build time.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { defaultClientConditions, mergeConfig } from 'vite';
import { networkConditions } from './network-conditions.ts';
import { API_ENV, startStoriesApi } from './reference-api.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** custom-elements.json from the current sources, so controls and docs never lag behind the components. */
function analyzeComponents(): void {
  const cem = spawnSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--config', 'custom-elements-analyzer.config.mjs'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (cem.status !== 0) throw new Error(`custom-elements.json could not be generated:\n${cem.stdout}${cem.stderr}`);
}
analyzeComponents();

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  async viteFinal(viteConfig, { configType }) {
    if (!process.env[API_ENV] && configType === 'DEVELOPMENT' && !process.env.VITEST) {
      const api = await startStoriesApi();
      process.env[API_ENV] = api.url;
      console.log(`motcua reference API for the stories: ${api.url}`);
    }
    const api = process.env[API_ENV];
    return mergeConfig(viteConfig, {
      // The packages from their TypeScript sources, like everywhere else in the repository.
      resolve: { conditions: ['source', ...defaultClientConditions] },
      // Without this, Vite's dependency optimizer can give Lit's directive helpers a second copy of Lit.
      optimizeDeps: { include: ['lit', 'lit/directive-helpers.js', '@lit/task'] },
      plugins: [networkConditions()],
      server: api ? { proxy: { '/v1': { target: api, changeOrigin: true } } } : {},
    });
  },
};

export default config;
