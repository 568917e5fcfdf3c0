/**
 * Launcher of reference-server.mjs `startReferenceServer`: one instance with the options given as JSON in
 * the first argument (reference-instance.ts `InstanceOptions`); prints `{ url, startMs }`.
 *
 * Run: node --conditions=source --import tsx test/support/serve-reference-server.ts '{"demoDossiers":1500}'
 */
import { runLauncher, type InstanceOptions } from './reference-instance.js';

const options = JSON.parse(process.argv[2] ?? '{}') as InstanceOptions;

runLauncher(async (start) => {
  const started = Date.now();
  const { url } = await start(options);
  return { url, startMs: Date.now() - started };
});
