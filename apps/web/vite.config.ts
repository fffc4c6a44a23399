import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The API server (apps/server) listens on 4400 in development; the built app lives in dist/. */
const apiTarget = process.env.TRAILMAP_API ?? 'http://127.0.0.1:4400';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022' },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
      '/collab': { target: apiTarget.replace(/^http/, 'ws'), ws: true },
    },
  },
});
