/**
 * Static files next to the API: the example pages at `/` and the built widget bundles at `/cdn/`, under a
 * page CSP instead of the API's `default-src 'none'`.
 */
import { existsSync, statSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PAGE_CSP } from './security.js';

export interface StaticOptions {
  staticRoot: string | null;
  cdnRoot: string | null;
}

const isDir = (dir: string | null): dir is string => dir !== null && existsSync(dir) && statSync(dir).isDirectory();

/**
 * `/cdn/chunks/<name>-<hash>.js` (and its map): a new build writes new names, so a browser may keep these for a
 * year; entries, whose names stay, keep their short max-age.
 */
const HASHED_CHUNK = /^\/cdn\/chunks\/[^/?]+-[\w-]{8}\.js(\.map)?(\?|$)/;

/** Serve the configured folders that exist; returns the mount points actually served. */
export async function registerStaticFiles(app: FastifyInstance, options: StaticOptions): Promise<string[]> {
  const mounts: { prefix: string; root: string }[] = [];
  if (isDir(options.cdnRoot)) mounts.push({ prefix: '/cdn/', root: options.cdnRoot });
  if (isDir(options.staticRoot)) mounts.push({ prefix: '/', root: options.staticRoot });
  if (mounts.length === 0) return [];
  await app.register(async (pages) => {
    pages.addHook('onRequest', async (_request, reply) => {
      reply.header('content-security-policy', PAGE_CSP);
    });
    // After @fastify/static has set its own header.
    pages.addHook('onSend', async (request, reply) => {
      if ((reply.statusCode === 200 || reply.statusCode === 304) && HASHED_CHUNK.test(request.url)) {
        reply.header('cache-control', 'public, max-age=31536000, immutable');
      }
    });
    mounts.forEach(({ prefix, root }, i) => {
      pages.register(fastifyStatic, {
        root,
        prefix,
        decorateReply: i === 0,
        index: ['index.html'],
        redirect: true,
        dotfiles: 'deny',
        cacheControl: true,
        maxAge: prefix === '/cdn/' ? 300_000 : 0,
        // The build writes each script's `.br` and `.gz` beside it (rollup.config.mjs `precompress`): sent as they
        // are, they cost no compression per request. The pages' folder has none, so it is not searched for them.
        preCompressed: prefix === '/cdn/',
      });
    });
  });
  return mounts.map((m) => m.prefix);
}
