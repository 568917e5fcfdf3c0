#!/usr/bin/env node
/**
 * `motcua-server`: start the API from environment variables and flags, and print the URL to open.
 */
import { ConfigError, USAGE, loadConfig } from './config.js';
import { createServer } from './server.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`motcua-server: ${error.message}\n\n${USAGE}\n`);
      process.exit(2);
    }
    throw error;
  }
  if (config.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const app = await createServer(config);
  const address = await app.listen({ port: config.port, host: config.host });
  const url = address.replace(/:\/\/(\[::1?\]|127\.0\.0\.1|0\.0\.0\.0)(?=:)/, '://localhost');
  // Read the deployment's description without a request line in the log just above the URL to open.
  const level = app.log.level;
  app.log.level = 'warn';
  const info = await app.inject('/v1/meta');
  app.log.level = level;
  const meta = info.json() as { province: { name: string }; demo: boolean; dossierVerification: string };
  process.stdout.write(
    `\nmotcua API for ${meta.province.name}${meta.demo ? ' (demo data)' : ''} at ${url}\n` +
      (config.staticRoot ? `  open ${url}/ for the example pages\n` : '') +
      `  API description: ${url}/v1/openapi.json\n` +
      `  dossier verification: ${meta.dossierVerification}\n\n`,
  );

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: closing`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`motcua-server: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
