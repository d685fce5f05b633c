import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';

/** A Vite build served by the gateway under a path (the agent console at /console, the citizen page at /mina-arenden). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

interface BuiltFile {
  /** Path below dist/, with forward slashes. */
  path: string;
  body: Buffer;
}

/**
 * The build's files, read once at start (a few hundred kB), or null when there is no complete
 * build: a build being written (tests rebuild it) must not stop a gateway from starting.
 */
export function readBuild(dist: string): BuiltFile[] | null {
  if (!existsSync(resolve(dist, 'index.html'))) return null;
  try {
    return listFiles(dist).map((file) => ({
      path: relative(dist, file).split('\\').join('/'),
      body: readFileSync(file),
    }));
  } catch {
    return null;
  }
}

/**
 * One route per file. Not @fastify/static: it requires an ES-module-only dependency
 * (content-disposition 1) that jest cannot load under Node 20, and a fixed set of routes
 * needs none of its features. Vite's hashed assets are cached for a year; index.html never.
 */
export function serveBuild(
  fastify: FastifyInstance,
  files: BuiltFile[],
  prefix: string,
  /** More paths that answer with the app's index.html (routes the app reads itself). */
  alsoIndexAt: string[] = [],
): void {
  for (const { path, body } of files) {
    const type = CONTENT_TYPES[extname(path)] ?? 'application/octet-stream';
    const cache = path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    const urls =
      path === 'index.html' ? [`${prefix}/`, `${prefix}/index.html`, ...alsoIndexAt] : [`${prefix}/${path}`];
    for (const url of urls) {
      fastify.get(url, async (_request, reply) => {
        await reply
          .header('content-type', type)
          .header('cache-control', cache)
          .header('x-content-type-options', 'nosniff')
          .send(body);
      });
    }
  }
  fastify.get(prefix, async (_request, reply) => {
    await reply.redirect(`${prefix}/`);
  });
}

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
