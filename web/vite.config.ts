import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Built into web/dist and served by Sluice at /admin/dashboard/; everything is bundled (no CDN, no web fonts).
export default defineConfig({
  base: '/admin/dashboard/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // `npm run dev -w web` talks to a running Sluice (SLUICE_URL, default http://127.0.0.1:8080).
    proxy: { '/admin/': { target: process.env.SLUICE_URL ?? 'http://127.0.0.1:8080', bypass: (request) => (request.url?.startsWith('/admin/dashboard') ? request.url : undefined) } },
  },
});
