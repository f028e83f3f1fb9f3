import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'vite';

// The server sends a strict Content-Security-Policy (script-src 'self'; style-src 'self'),
// so the build must reference only external files: no inline scripts, styles or data: URLs.
export default defineConfig({
  plugins: [tailwindcss()],
  oxc: {
    jsx: { runtime: 'automatic', importSource: 'preact' },
  },
  build: {
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    cssCodeSplit: false,
  },
});
