import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web workspace: built into web/dist, served by the same process as the API (src/server/app.ts).
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
