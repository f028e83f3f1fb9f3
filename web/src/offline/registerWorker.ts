// Registers the service worker (public/sw.js, served from the root) that keeps the shell usable offline;
// see pages/inspections/record for what works without a network. Browsers without it simply go without.
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  });
}
