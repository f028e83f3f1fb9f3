// mamori's service worker: keeps the web shell usable without a network, for inspectors recording a visit
// on a tablet (pages/inspections/record). Scope "/" (served from the root, so no Service-Worker-Allowed).
// - Pages (navigations): the network first; offline, the cached shell (index.html).
// - /assets/* (content-hashed by Vite, never change): the cache first.
// - A few GETs the shell needs to start (the session, the version, demo mode): the network first, the last
//   answer offline (forgotten on a logout or a 401). Nothing else of the API is cached here: the record's package lives in IndexedDB.
const CACHE = 'mamori-shell-v1';
const SHELL_API = ['/api/v1/session', '/api/v1/version', '/api/v1/demo'];

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch('/', { credentials: 'same-origin' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put('/', response);
  const assets = new Set();
  for (const match of html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)) assets.add(match[1]);
  await Promise.all([...assets].map((asset) => cache.add(asset).catch(() => undefined)));
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

async function networkFirst(request, fallbackKey) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackKey ?? request, response.clone());
    else if (response.status === 401) await cache.delete(fallbackKey ?? request);
    return response;
  } catch (error) {
    const cached = await cache.match(fallbackKey ?? request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

// forgetSession: after a logout (or an answer that the session has ended) the cached session goes too.
async function forgetSession(request) {
  const response = await fetch(request);
  if (response.ok || response.status === 401) await (await caches.open(CACHE)).delete('/api/v1/session');
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin === self.location.origin && url.pathname === '/api/v1/session' && request.method === 'DELETE') {
    event.respondWith(forgetSession(request));
    return;
  }
  if (request.method !== 'GET') return;
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, '/'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (SHELL_API.includes(url.pathname)) {
    event.respondWith(networkFirst(request));
  }
});
