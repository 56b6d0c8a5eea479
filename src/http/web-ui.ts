import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { OAUTH_PAGES } from '../auth/auth.js';
import { errorBody } from '../errors.js';

// Vite names what it bundles by content hash (assets/index-4PpJ13ts.js): a changed file gets a new name, so
// the browser may keep these forever. index.html names the current ones, so it is checked on every load.
const HASHED = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(?:\.(?:br|gz))?$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
// Icons and the manifest keep their names across releases: cached for a day, then checked.
const STABLE = 'public, max-age=86400';

// Paths an API or OAuth client may guess at the root (/authorize, /token, /register…): a client that gets the
// SPA's HTML with a 200 there reads it as a broken server, so these are a JSON 404 like every unknown API path.
const NOT_APP = /^\/(api|mcp|health|metrics|\.well-known|authorize|token|register|revoke|introspect|userinfo|jwks|oauth2?)(\/|$)/;
/** The UI's own pages of an authorization (Better Auth's loginPage and consentPage). */
const OAUTH_UI_PAGES = new Set<string>(Object.values(OAUTH_PAGES));

/** Where the SPA answers: GET of a path that names no file and is not an API. */
function isAppRoute(url: string): boolean {
  const pathname = url.split('?')[0] ?? '/';
  if (NOT_APP.test(pathname)) return OAUTH_UI_PAGES.has(pathname);
  return !/\.[A-Za-z0-9]+$/.test(pathname);
}

/** The cache policy of a file under web/dist. */
function cacheControl(file: string): string {
  if (HASHED.test(file)) return IMMUTABLE;
  // The service worker too: a browser must see a new sw.js at once, or it keeps running the old one.
  return /(?:\.html|[\\/]sw\.js)(?:\.(?:br|gz))?$/.test(file) ? REVALIDATE : STABLE;
}

/**
 * Serve the built React UI: precompressed (brotli, gzip) when the browser takes it, hashed assets immutable,
 * index.html revalidated, and the SPA fallback only for app routes — a missing file (an icon, a map) is a JSON 404,
 * never the HTML page.
 */
export async function registerWebUi(app: FastifyInstance, root: string): Promise<void> {
  const hasUi = existsSync(path.join(root, 'index.html'));
  if (hasUi) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: 'index.html',
      preCompressed: true,
      cacheControl: false,
      setHeaders: (reply, file) => reply.header('cache-control', cacheControl(file)),
    });
  }
  const sendIndex = (reply: FastifyReply) => reply.type('text/html; charset=utf-8').sendFile('index.html');
  app.setNotFoundHandler((request, reply) => {
    if (hasUi && request.method === 'GET' && isAppRoute(request.url)) return sendIndex(reply);
    return reply.status(404).send(errorBody('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`));
  });
}
