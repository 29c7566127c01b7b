// Imported by the generated service worker (workbox `importScripts`); the
// generated part precaches the app, this part adds three things.
//
// 1. The headset group (dist/headset-assets.json: the code only the VR path
//    loads) is cached when a page that can enter VR asks for it, so phones
//    never download it and headsets still work offline.
// 2. Built assets (/assets/, content-hashed names) and the headset's input
//    profiles (/xr/) are answered from any cache first, and cached when
//    fetched. The profiles' names carry no hash, so a new version drops
//    them from the cache on activation and the app caches them afresh.
// 3. A tab still running the previous version keeps working after an
//    update: its code asks for the previous build's chunks, which the new
//    precache drops and a new deploy may no longer serve. When a new
//    version installs, the entries of the version being replaced are
//    copied to a cache of their own (one generation is kept).
const PREVIOUS = 'chasm-previous-version';
const RUNTIME = 'chasm-runtime';

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const precaches = (await caches.keys()).filter((name) => name.startsWith('workbox-precache'));
      if (precaches.length === 0) return; // first install: nothing to keep
      await caches.delete(PREVIOUS);
      const previous = await caches.open(PREVIOUS);
      for (const name of precaches) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const response = await cache.match(request);
          if (response) await previous.put(request, response);
        }
      }
    })(),
  );
});

const isBuiltAsset = (url) => url.origin === self.location.origin && url.pathname.includes('/assets/');
const isProfile = (url) => url.origin === self.location.origin && url.pathname.includes('/xr/');

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.open(RUNTIME).then(async (cache) => {
      for (const request of await cache.keys()) if (isProfile(new URL(request.url))) await cache.delete(request);
    }),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !(isBuiltAsset(url) || isProfile(url))) return;
  event.respondWith(
    (async () => {
      const hit = await caches.match(request, { ignoreSearch: true });
      if (hit) return hit;
      const response = await fetch(request);
      if (response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(RUNTIME).then((cache) => cache.put(request, copy)));
      }
      return response;
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data?.type !== 'chasm:cache-headset') return;
  const done = (async () => {
    const list = new URL('headset-assets.json', self.registration.scope);
    const response = (await caches.match(list, { ignoreSearch: true })) ?? (await fetch(list));
    const { files } = await response.json();
    const cache = await caches.open(RUNTIME);
    const urls = files.map((f) => new URL(f, self.registration.scope).href);
    const missing = [];
    for (const url of urls) if (!(await caches.match(url, { ignoreSearch: true }))) missing.push(url);
    await cache.addAll(missing);
    return urls.length;
  })();
  event.waitUntil(
    done.then(
      (count) => event.ports[0]?.postMessage({ ok: true, count }),
      (error) => event.ports[0]?.postMessage({ ok: false, error: String(error) }),
    ),
  );
});
