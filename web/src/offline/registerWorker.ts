// Registers the service worker (public/sw.js, served from the root) that keeps the shell usable offline;
// see pages/inspections/record for what works without a network. Browsers without it simply go without.
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}

/**
 * Before going where there is no network: waits (briefly) for the service worker and asks, through it, for
 * the few answers the shell needs to start (the session among them), so that it keeps them for offline use.
 */
export async function keepShellForOffline(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const ready = await Promise.race([
    navigator.serviceWorker.ready.then(() => true),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3000)),
  ]);
  if (!ready || navigator.serviceWorker.controller === null) return;
  await Promise.all(
    ['/api/v1/session', '/api/v1/version'].map((path) =>
      fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).catch(() => undefined),
    ),
  );
}
