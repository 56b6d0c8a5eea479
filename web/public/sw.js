/* global self, URL -- a service worker script, outside the TypeScript build; the lint config knows no worker globals */
// The service worker: shows Web Push notifications (reminders and the daily digest) while no tab of the app is
// open, and on a click focuses an open tab or opens the app. It caches nothing: the app needs the server anyway.

/** Reads the push payload: the notification JSON ({id, title, text, body, url, …}; also nested as {notification}), or plain text. */
function readPayload(data) {
  if (!data) return { title: 'Todo Chat', body: '' };
  let value;
  try {
    value = data.json();
  } catch {
    return { title: 'Todo Chat', body: data.text() };
  }
  const n = value && typeof value.notification === 'object' ? value.notification : value || {};
  return {
    title: typeof n.title === 'string' && n.title ? n.title : 'Todo Chat',
    // The server sends the webhook body (docs/api.md): `text` is the one-line summary, `body` a digest's details.
    body: typeof n.body === 'string' && n.body ? n.body : typeof n.text === 'string' ? n.text : '',
    id: n.id,
    url: typeof n.url === 'string' ? n.url : '/',
  };
}

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  const payload = readPayload(event.data);
  event.waitUntil(
    self.registration.showNotification(payload.title, {
      body: payload.body,
      // The same tag as the page's own Notification for this id: the person sees it once.
      tag: payload.id !== undefined ? `notification-${payload.id}` : undefined,
      icon: '/icon-192.png',
      badge: '/icon-192.png',
      data: { url: payload.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL((event.notification.data && event.notification.data.url) || '/', self.location.origin);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => new URL(client.url).origin === target.origin);
      if (open) return open.focus();
      return self.clients.openWindow(target.href);
    })(),
  );
});
