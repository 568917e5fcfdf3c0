/**
 * `npm run lint:openapi`: writes the OpenAPI document the server publishes (`openApiDocument()`, the same
 * function `/v1/openapi.json` answers with) to a temporary file and lints it with Redocly's `recommended`
 * rules, failing on any error or warning.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApiDocument } from '../packages/server/src/routes/index.js';

const dir = mkdtempSync(join(tmpdir(), 'motcua-openapi-'));
const file = join(dir, 'openapi.json');
try {
  writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
  const redocly = spawnSync('npx', ['--no-install', 'redocly', 'lint', '--extends=recommended', '--max-problems=200', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  const output = `${redocly.stdout}${redocly.stderr}`;
  process.stdout.write(output);
  // Redocly exits 0 on warnings alone; this lint allows none.
  const warned = /You have \d+ warnings?/.test(output);
  if (redocly.status !== 0 || warned) {
    console.error(warned ? 'OpenAPI lint: warnings are not allowed.' : `OpenAPI lint failed (exit ${redocly.status}).`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
