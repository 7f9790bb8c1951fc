import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** Built into web/dist, which the API serves at / (same process, same port). */
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
  plugins: [
    // Installable, and the app shell loads without a connection; API calls always go to the network
    // (offline work waits in IndexedDB, not in a cache).
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      manifest: {
        name: 'GPMB CRM — Tổ công tác giải phóng mặt bằng',
        short_name: 'GPMB',
        lang: 'vi',
        start_url: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f6fb2',
        icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/api\//, /^\/docs/, /^\/admin/, /^\/health/],
        globPatterns: ['**/*.{js,css,html,svg}'],
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
});
