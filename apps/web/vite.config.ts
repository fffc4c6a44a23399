import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/** The API server (apps/server) listens on 4400 in development; the built app lives in dist/. */
const apiTarget = process.env.TRAILMAP_API ?? 'http://127.0.0.1:4400';

// core's CSV interop imports the Node builds of csv-parse/csv-stringify; their browser builds
// bring their own Buffer shim.
const hoisted = (path: string) => fileURLToPath(new URL(`../../node_modules/${path}`, import.meta.url));
const csvBrowserBuilds = {
  'csv-parse/sync': hoisted('csv-parse/dist/esm/sync.js'),
  'csv-stringify/sync': hoisted('csv-stringify/dist/esm/sync.js'),
};

export default defineConfig({
  plugins: [react()],
  resolve: { alias: csvBrowserBuilds },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/collab': { target: apiTarget.replace(/^http/, 'ws'), ws: true },
    },
  },
});
