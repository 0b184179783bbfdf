// Service worker for Rare-Earth Outlook: precaches every file of the build, serves same-origin GETs cache-first so the app opens offline.
//
// The post-build hook (scripts/post_build.py) rewrites the block between the BUILD markers with the list of files in the
// build and a hash of their contents, so every build gets its own cache and its own worker bytes (which makes the browser
// install it as an update). Only same-origin GET requests are answered; everything else goes to the network untouched.
'use strict';

/* BUILD-MANIFEST-START */
const BUILD = { hash: 'unbuilt', files: [] };
/* BUILD-MANIFEST-END */

/** Scope of this registration (ends with '/'); part of the cache name so two deployments on one origin keep apart. */
const SCOPE = self.registration.scope;
/** Every cache this app owns in this scope starts with this prefix. */
const CACHE_PREFIX = `ree-outlook|${SCOPE}|`;
/** The cache for this build. */
const CACHE_NAME = CACHE_PREFIX + BUILD.hash;
/** Absolute URL of the app shell, served for every navigation inside the scope. */
const INDEX_URL = new URL('index.html', self.location.href).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      // cache: 'reload' bypasses the HTTP cache, so the precache holds exactly this build's bytes.
      const requests = BUILD.files.map((file) => new Request(new URL(file, self.location.href).href, { cache: 'reload' }));
      try {
        await cache.addAll(requests);
      } catch (error) {
        // A failed install must leave nothing behind: the browser retries on a later visit with a fresh cache.
        await caches.delete(CACHE_NAME);
        throw error;
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  // pwa.js sends this when the user clicks "reload" on the update banner.
  if (event.data && event.data.type === 'SKIP_WAITING') {
    self.skipWaiting();
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  event.respondWith(respond(request, url));
});

/**
 * Answers one same-origin GET: from this build's cache when it has the file, else from the network.
 * Navigations (with any query; the scenario lives in the fragment, which is never sent) get the cached app shell.
 */
async function respond(request, url) {
  const cache = await caches.open(CACHE_NAME);
  if (request.mode === 'navigate') {
    const key = url.pathname.endsWith('/') ? INDEX_URL : url.href;
    const hit = (await cache.match(key, { ignoreSearch: true })) || (isAppPath(url) && (await cache.match(INDEX_URL)));
    if (hit) return hit;
    try {
      return await fetch(request);
    } catch (error) {
      // Offline on a path the build does not have (a deep link inside the site): send the reader to the calculator
      // itself, whose relative file names resolve there. The fragment, which holds the scenario, survives the redirect.
      if (await cache.match(INDEX_URL)) return Response.redirect(SCOPE + url.search, 302);
      throw error;
    }
  }
  const hit = await cache.match(request);
  return hit || fetch(request);
}

/** True for the scope's own directory and its index page, whatever the query. */
function isAppPath(url) {
  const scopePath = new URL(SCOPE).pathname;
  return url.pathname === scopePath || url.pathname === `${scopePath}index.html`;
}
